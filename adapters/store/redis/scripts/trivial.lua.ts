/** The cheapest possible script: the ceiling the benchmark compares the hold script against. */
export const TRIVIAL_LUA = 'return 1';
