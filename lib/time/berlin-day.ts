/**
 * Calendar days in the shop's time zone (Europe/Berlin), as instants: an operator's "orders of
 * 2 March" are those placed from 2 March 00:00 to 3 March 00:00 Berlin time, whatever the server's
 * zone and summer time. Pure.
 */
const ZONE = "Europe/Berlin";
const parts = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Minutes Berlin is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(at: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** A "YYYY-MM-DD" that names a real date, or null. */
export function parseDay(day: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d ? { y, m, d } : null;
}

/** The instant a Berlin calendar day begins; `addDays` moves to a later day first. */
export function berlinDayStart(day: string, addDays = 0): Date {
  const parsed = parseDay(day);
  if (!parsed) throw new RangeError(`Not a date: ${day}`);
  const midnightUtc = Date.UTC(parsed.y, parsed.m - 1, parsed.d + addDays);
  // Berlin changes its clocks at 02:00/03:00, never at midnight: the offset an hour either side of
  // the guess is the one of midnight itself.
  const guess = midnightUtc - offsetMinutes(midnightUtc) * 60_000;
  return new Date(midnightUtc - offsetMinutes(guess) * 60_000);
}
