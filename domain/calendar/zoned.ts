import type { Night } from './nights';
import { formatterFor } from './wall-clock';

/** Offset of `timeZone` from UTC at `instant`, in ms (Paris in winter: +3_600_000). */
function offsetAt(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` reads `night` at `time` (HH:MM).
 * Policies are stated in the property's local time ("free until 7 days before, 16:00"),
 * so deadlines must not depend on the server's zone. In a DST gap the later instant is used.
 */
export function zonedInstant(night: Night, time: string, timeZone: string): Date {
  const [y, m, d] = night.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetAt(timeZone, wall);
  const second = wall - offsetAt(timeZone, guess);
  if (second !== guess) guess = Math.max(guess, second);
  return new Date(guess);
}
