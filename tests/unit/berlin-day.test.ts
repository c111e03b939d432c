import { describe, expect, it } from "vitest";
import { berlinDayStart, parseDay } from "@/lib/time/berlin-day";

describe("Berlin calendar days", () => {
  it("begin at local midnight in winter and summer time, also across the clock changes", () => {
    expect(berlinDayStart("2024-01-15").toISOString()).toBe("2024-01-14T23:00:00.000Z");
    expect(berlinDayStart("2024-07-15").toISOString()).toBe("2024-07-14T22:00:00.000Z");
    expect(berlinDayStart("2024-03-31").toISOString()).toBe("2024-03-30T23:00:00.000Z"); // clocks go forward at 02:00
    expect(berlinDayStart("2024-03-31", 1).toISOString()).toBe("2024-03-31T22:00:00.000Z");
    expect(berlinDayStart("2024-10-27").toISOString()).toBe("2024-10-26T22:00:00.000Z"); // and back at 03:00
    expect(berlinDayStart("2024-12-31", 1).toISOString()).toBe("2024-12-31T23:00:00.000Z");
  });

  it("takes real dates only", () => {
    expect(parseDay("2024-02-29")).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("2024-1-5")).toBeNull();
    expect(() => berlinDayStart("yesterday")).toThrow(RangeError);
  });
});
