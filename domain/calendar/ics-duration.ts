/** An RFC 5545 DURATION split into whole days (weeks included) and a time part in seconds. */
export interface IcsDuration {
  negative: boolean;
  days: number;
  seconds: number;
}

// dur-value = (["+"] / "-") "P" (dur-date / dur-time / dur-week); the time part needs its "T".
const DURATION_RE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

export function parseIcsDuration(value: string): IcsDuration | null {
  const text = value.trim();
  const m = DURATION_RE.exec(text);
  // "P" or "PT" alone match the pattern but say nothing.
  if (!m || !/\d/.test(text) || /T$/i.test(text)) return null;
  const n = (i: number): number => Number(m[i] ?? 0);
  return { negative: m[1] === '-', days: n(2) * 7 + n(3), seconds: n(4) * 3600 + n(5) * 60 + n(6) };
}

/**
 * Nights an all-day event lasts. RFC 5545 wants days or weeks for a DATE start; a time part
 * ("PT36H") is rounded up to whole days, so a block is never shorter than the feed meant.
 */
export function durationNights(d: IcsDuration): number {
  if (d.negative) return 0;
  return d.days + Math.ceil(d.seconds / 86_400);
}
