import type { Night } from './nights';

/**
 * Nights as day numbers and back, memoised. An import turns thousands of events into nights
 * inside a window of a few hundred days, so the same few hundred conversions repeat; `Date`
 * and `toISOString` for each of them was the importer's largest cost after the parse itself.
 */
const DAY_MS = 86_400_000;
const toIndex = new Map<Night, number>();
const toNight = new Map<number, Night>();
const LIMIT = 50_000;

export function dayIndex(night: Night): number {
  let i = toIndex.get(night);
  if (i === undefined) {
    i = Date.UTC(Number(night.slice(0, 4)), Number(night.slice(5, 7)) - 1, Number(night.slice(8, 10))) / DAY_MS;
    if (toIndex.size >= LIMIT) toIndex.clear();
    toIndex.set(night, i);
  }
  return i;
}

export function nightAt(index: number): Night {
  let n = toNight.get(index);
  if (n === undefined) {
    n = new Date(index * DAY_MS).toISOString().slice(0, 10);
    if (toNight.size >= LIMIT) toNight.clear();
    toNight.set(index, n);
  }
  return n;
}
