"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a run waits for its basket, the page looks again by itself (the Reload link does so without script). */
export function RunPoller({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
