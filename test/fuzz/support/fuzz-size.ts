import type fc from 'fast-check';

/** Inputs per endpoint in CI: enough to cover every generator branch, small enough for every push. */
export const CI_RUNS = 200;
/** What `npm run fuzz` asks for. */
export const FULL_RUNS = 10_000;

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * The size of the fuzz run: `FUZZ_RUNS` inputs per endpoint (default CI_RUNS). `FUZZ_SEED`
 * (and `FUZZ_PATH`, both printed by fast-check on a failure) replays a failing run.
 */
export function fuzzParameters(env: NodeJS.ProcessEnv = process.env): fc.Parameters<unknown> & { numRuns: number } {
  const numRuns = positiveInt('FUZZ_RUNS', env.FUZZ_RUNS) ?? CI_RUNS;
  const seed = env.FUZZ_SEED === undefined || env.FUZZ_SEED === '' ? undefined : Number(env.FUZZ_SEED);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(env.FUZZ_SEED)}`);
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

/** Jest's limit for one endpoint: generous per input, since the machine may be busy, and still finite. */
export function fuzzTimeoutMs(numRuns: number, perRunMs = 200): number {
  return 60_000 + numRuns * perRunMs;
}
