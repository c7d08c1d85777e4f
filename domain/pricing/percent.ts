/**
 * Percentages on money, in integer arithmetic.
 *
 * A percentage becomes basis points (12.5 % → 1250) once, so the float `percent` never
 * multiplies an amount directly: `amount × (10000 + bp)` is an exact integer, and the
 * division by 10000 is done on integers, rounding half up.
 */

const ONE = 10_000;
const HALF = 5_000;

export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * `amount` (integer minor units) changed by `percent`, rounded half up to an integer and
 * never below 0: the schema stops at -100 %, but a price must not go negative even if a
 * caller passes more.
 */
export function applyPercent(amount: number, percent: number): number {
  const factor = ONE + toBasisPoints(percent);
  if (amount <= 0 || factor <= 0) return 0;
  const shifted = amount * factor + HALF;
  if (Number.isSafeInteger(shifted)) return (shifted - (shifted % ONE)) / ONE;
  // Stacked large surcharges can pass 2^53 before the division: stay exact with BigInt.
  return Number((BigInt(amount) * BigInt(factor) + BigInt(HALF)) / BigInt(ONE));
}
