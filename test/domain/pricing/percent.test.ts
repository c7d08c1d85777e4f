import { applyPercent, toBasisPoints } from '../../../domain/pricing/percent';

describe('applyPercent', () => {
  // Expected values worked out by hand: amount × (1 + p/100), then half up.
  it.each([
    [10000, 10, 11000],
    [10000, -10, 9000],
    [105, -10, 95], // 94.5 → 95: exactly half rounds up
    [95, -10, 86], // 85.5 → 86
    [15, 50, 23], // 22.5 → 23
    [3, -50, 2], // 1.5 → 2
    [1, -50, 1], // 0.5 → 1
    [7, -50, 4], // 3.5 → 4
    [333, 12.5, 375], // 374.625 → 375
    [999, 33.333, 1332], // 3333 bp: 1331.9667 → 1332
    [10, 0.05, 10], // 5 bp: 10.005 → 10
    [10000, 0.1 + 0.2, 10030], // 0.30000000000000004 % is 30 bp, no float drift
    [12342, -5, 11725], // 11724.9 → 11725
    [10553, -20, 8442], // 8442.4 → 8442
    [100, -100, 0],
    [100, -150, 0], // clamped at 0
    [0, 50, 0],
    [100, 0, 100],
    [100, 1000, 1100],
  ])('%d changed by %d%% is %d', (amount, percent, expected) => {
    expect(applyPercent(amount, percent)).toBe(expected);
  });

  it('stays exact beyond 2^53 before the division', () => {
    // 9e15 × 1.1 = 9.9e15 exactly; float math would give 9900000000000002.
    expect(applyPercent(9_000_000_000_000_000, 10)).toBe(9_900_000_000_000_000);
  });

  it('rounds percentages to basis points', () => {
    expect(toBasisPoints(12.345)).toBe(1235);
    expect(toBasisPoints(-10)).toBe(-1000);
    expect(toBasisPoints(0.004)).toBe(0);
  });
});
