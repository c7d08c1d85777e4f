import type fc from 'fast-check';

/**
 * Inputs per endpoint in CI: every generator branch is reached many times, and the six files
 * stay near 40 s per time zone on a busy two-core machine (about 30 s on an idle one).
 */
export const CI_RUNS = 150;
/** What `npm run fuzz` asks for. */
export const FULL_RUNS = 10_000;

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * The size of one endpoint's fuzz run: `FUZZ_RUNS` inputs (default CI_RUNS). The seed is fixed
 * per property unless `FUZZ_SEED` says otherwise, so that CI replays the same inputs on every
 * push and fails only when the code changed, never by the luck of the draw; `FUZZ_SEED=random`
 * draws new inputs (what `npm run fuzz` does), and `FUZZ_SEED=<n>` with `FUZZ_PATH` (both
 * printed by fast-check with a counterexample) replays a failure.
 */
export function fuzzParameters(property: string, env: NodeJS.ProcessEnv = process.env): fc.Parameters<unknown> & { numRuns: number } {
  const numRuns = positiveInt('FUZZ_RUNS', env.FUZZ_RUNS) ?? CI_RUNS;
  const asked = env.FUZZ_SEED ?? '';
  const seed = asked === 'random' ? undefined : asked === '' ? seedOf(property) : Number(asked);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", got ${JSON.stringify(asked)}`);
  return {
    numRuns,
    ...(seed !== undefined ? { seed } : {}),
    ...(env.FUZZ_PATH ? { path: env.FUZZ_PATH } : {}),
    // Shrinking a slow failure could outlast jest's limit and lose the report: stop first, and
    // report what was found so far (a run cut short without a failure fails too).
    interruptAfterTimeLimit: fuzzTimeoutMs(numRuns) - 20_000,
    markInterruptAsFailure: true,
  };
}

/** A seed from the property's name (FNV-1a): adding an endpoint leaves the others' inputs as they were. */
function seedOf(property: string): number {
  let hash = 0x811c9dc5;
  for (const char of property) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return hash | 0;
}

/** Jest's limit for one endpoint: generous per input, since the machine may be busy, and still finite. */
export function fuzzTimeoutMs(numRuns: number, perRunMs = 200): number {
  return 60_000 + numRuns * perRunMs;
}
