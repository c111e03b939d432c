"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof NextLink>, "prefetch">;

/**
 * The shop's link: next/link, prefetching once the visitor shows intent (pointer over it, a touch,
 * keyboard focus) rather than as soon as it scrolls into view. A listing shows two dozen cards and
 * a dozen categories; prefetching all of them on sight cost a phone about as much main-thread time
 * as hydrating the page, and the server a request for every page nobody opens. Catalog pages are
 * cached, so a click that was not prefetched still answers quickly.
 */
export function Link({ onMouseEnter, onTouchStart, onFocus, ...props }: Props) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
