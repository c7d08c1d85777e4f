import type { Ids } from '../../domain/ports';

/** Predictable ids; references drawn from a seeded generator so a test can force collisions. */
export function sequentialIds(prefix = 'id', random: (n: number) => number = (n) => Math.floor(Math.random() * n)): Ids {
  let next = 0;
  return { id: () => `${prefix}${++next}`, randomInt: random };
}
