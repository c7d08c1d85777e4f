import fc from 'fast-check';
import type { App } from '../../../bot/app';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-size';
import { sendRaw, type RawRequest, type RawResponse } from './raw-http';
import { assertSaneResponse, type Documented5xx } from './sane-response';
import { StateProbe } from './state-snapshot';

/** The app under fuzz, started once per file. */
export interface FuzzWorld {
  app: App;
  base: string;
  close(): Promise<void>;
}

/** One endpoint's fuzz property: how to make its requests and what its documentation allows. */
export interface FuzzedEndpoint<W extends FuzzWorld> {
  /** Method, route and what varies: the test's name. */
  name: string;
  /** Built once the world runs, so requests may use its tokens, ids and signed links. */
  request: (world: W) => fc.Arbitrary<RawRequest>;
  /** The 5xx answers this endpoint documents; any other 5xx fails. */
  documented5xx?: readonly Documented5xx[];
  /** Answers that report a turn the bot ran (its state may move), whatever their status; not refusals. */
  turnAnswer?: (response: RawResponse) => boolean;
  /** Further checks of one answer, e.g. that nothing secret is echoed. */
  check?: (world: W, request: RawRequest, response: RawResponse) => void | Promise<void>;
}

/** Longer than any answer takes on a busy machine, short enough to call a stalled request a hang. */
export const HANG_MS = 15_000;

/**
 * The most nights one request may have the store read for one unit: the two years ahead an
 * iCal export or a feed import looks at. Unbounded reads are how one request stalls the
 * server; counting them finds that on any machine, where a time limit would be flaky.
 */
export const MAX_NIGHTS_PER_READ = 731;

/**
 * Declares one jest test per endpoint, against one app started for the whole file (returned,
 * for the file's other tests). Each input
 * must get a sane answer (see assertSaneResponse) within HANG_MS, without an uncaught error in
 * the process, and an input refused with a 4xx or 5xx must leave the state exactly as it was.
 * After the last input the server must still answer /health.
 */
/**
 * `FUZZ_STATS=1` prints, per endpoint, the inputs, the time and how many got each status, to
 * see whether the generators reach past the first check; `FUZZ_SHOW=400` prints each request
 * answered with that status and the start of its answer.
 */
const show = process.env.FUZZ_SHOW ? Number(process.env.FUZZ_SHOW) : null;

/**
 * Waits until no route is running: a route may work on after its answer (or after Node's
 * parser answered for it), and that work belongs to its request, not the next one. Counted by
 * restify, so no sleep decides it; a route still running after HANG_MS is a hang.
 */
async function settled(w: FuzzWorld): Promise<void> {
  const deadline = performance.now() + HANG_MS;
  while (w.app.server.inflightRequests() > 0) {
    if (performance.now() > deadline) throw new Error(`a route was still running ${HANG_MS} ms after its answer`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Node's parser refusing the framing (bytes past a short Content-Length are a second request;
 * a body cut short of a long one never ends): its 400 answers the connection, not the route,
 * which may have served the request already (a GET does not read its body).
 */
function framingRefusal(request: RawRequest, response: RawResponse): boolean {
  if ((request.framing !== 'short' && request.framing !== 'long') || response.status !== 400) return false;
  try {
    return (JSON.parse(response.body.toString('utf8')) as { error?: unknown }).error === 'bad_request';
  } catch {
    return false;
  }
}

export function fuzzEndpoints<W extends FuzzWorld>(
  start: () => Promise<W>,
  endpoints: FuzzedEndpoint<W>[],
  /** What else a refused request must leave alone: replies sent, calls to a fake provider, alerts… */
  effects: (world: W) => Record<string, unknown> = () => ({}),
): () => W {
  let world: W | undefined;
  let probe: StateProbe | undefined;
  let port = 0;
  const uncaught: string[] = [];
  const onUncaught = (error: unknown): void => void uncaught.push(error instanceof Error ? error.stack ?? error.message : String(error));

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    world = await start();
    probe = new StateProbe(world.app);
    port = Number(new URL(world.base).port);
  });
  afterAll(async () => {
    probe?.dispose();
    await world?.close();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  });

  for (const endpoint of endpoints) {
    const params = fuzzParameters(endpoint.name);
    it(
      endpoint.name,
      async () => {
        if (!world || !probe) throw new Error('the app did not start');
        const w = world;
        const p = probe;
        const statuses = new Map<number, number>();
        const started = performance.now();
        await fc.assert(
          fc.asyncProperty(endpoint.request(w), async (request) => {
            await settled(w);
            const before = { ...(await p.snapshot()), ...effects(w) };
            p.resetWork();
            const response = await sendRaw(port, request, HANG_MS);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (show === response.status) process.stdout.write(`${String(request)}\n  -> ${response.body.toString('utf8').slice(0, 300)}\n`);
            if (p.largestNightsRead > MAX_NIGHTS_PER_READ) throw new Error(`one store read asked for ${p.largestNightsRead} nights (at most ${MAX_NIGHTS_PER_READ}): the work of one request must be bounded`);
            assertSaneResponse(response.status, response.body, endpoint.documented5xx ?? [], request.method);
            await endpoint.check?.(w, request, response);
            if (uncaught.length) throw new Error(`uncaught in the server: ${uncaught.splice(0).join('\n')}`);
            await settled(w);
            if ((response.status >= 400 || response.status === 0) && !framingRefusal(request, response) && !endpoint.turnAnswer?.(response)) {
              const changed = StateProbe.changed(before, { ...(await p.snapshot()), ...effects(w) });
              if (changed.length) throw new Error(`a request refused with ${response.status} changed the state: ${changed.join(', ')}`);
            }
          }),
          params,
        );
        if (process.env.FUZZ_STATS) {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
          process.stdout.write(`fuzz: ${endpoint.name}: ${params.numRuns} inputs in ${seconds} s (seed ${params.seed ?? 'random'}); ${tally}\n`);
        }
        const health = await fetch(`${w.base}/health`);
        expect(health.status).toBe(200);
      },
      fuzzTimeoutMs(params.numRuns),
    );
  }
  return () => {
    if (!world) throw new Error('the app did not start');
    return world;
  };
}
