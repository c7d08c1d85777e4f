import { problem, type FeedProblem } from '../../../domain/calendar/feed-problem';
import type { FeedFetcher, FeedFetchOutcome, FeedFetchRequest } from '../../../domain/calendar/sync-ports';
import { readCapped } from './read-capped';

export interface HttpFeedFetcherOptions {
  /** Whole attempt, headers and body. */
  timeoutMs?: number;
  /** A calendar of a few thousand events is ~1 MB; more is a mistake or an attack. */
  maxBytes?: number;
  /** Tries in all, for network errors, timeouts, 429 and 5xx. Other answers are final. */
  attempts?: number;
  /** First wait between tries; each next one is four times longer, with jitter. */
  backoffMs?: number;
  /** Longest wait honoured from a Retry-After header. */
  maxRetryAfterMs?: number;
  userAgent?: string;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted when the service shuts down: a download or a backoff wait must not hold the exit up. */
  stop?: AbortSignal;
}

type Attempt = { outcome: FeedFetchOutcome; retry: boolean; retryAfterMs?: number };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Conditional GETs of iCal feeds with a deadline, a size cap and retries with backoff. */
export function createHttpFeedFetcher(options: HttpFeedFetcherOptions = {}): FeedFetcher {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 2_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const userAgent = options.userAgent ?? 'Majordome-CalendarSync/1.0 (+iCal import)';
  const sleep = options.sleep ?? sleepFor;

  const once = async (req: FeedFetchRequest): Promise<Attempt> => {
    const headers: Record<string, string> = { accept: 'text/calendar, text/plain;q=0.8, */*;q=0.1', 'user-agent': userAgent };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const signal = options.stop ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.stop]) : AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await fetch(req.url, { headers, signal, redirect: 'follow' });
    } catch (error) {
      return { outcome: failed(networkProblem(error, timeoutMs)), retry: true };
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { outcome: { kind: 'not_modified' }, retry: false };
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      const retry = res.status === 429 || res.status >= 500;
      return { outcome: failed(problem('http_error', `the server answered HTTP ${res.status}`, res.status)), retry, retryAfterMs: retryAfter(res.headers.get('retry-after')) };
    }
    const type = (res.headers.get('content-type') ?? '').toLowerCase();
    if (type.includes('text/html')) {
      await res.body?.cancel().catch(() => undefined);
      return { outcome: failed(problem('html', 'the server sent a web page (text/html) instead of a calendar', res.status)), retry: false };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return { outcome: failed(problem('too_large', `the feed is ${declared} bytes, over the ${maxBytes}-byte limit`)), retry: false };
    }
    try {
      const body = await readCapped(res, maxBytes);
      if (body === null) return { outcome: failed(problem('too_large', `the feed is over the ${maxBytes}-byte limit`)), retry: false };
      return { outcome: { kind: 'fetched', body, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') }, retry: false };
    } catch (error) {
      return { outcome: failed(networkProblem(error, timeoutMs)), retry: true };
    }
  };

  return {
    async fetch(req: FeedFetchRequest): Promise<FeedFetchOutcome> {
      let last: Attempt | null = null;
      for (let i = 0; i < attempts; i++) {
        if (last) {
          const planned = backoffMs * 4 ** (i - 1);
          const wait = last.retryAfterMs !== undefined ? Math.min(last.retryAfterMs, maxRetryAfterMs) : planned / 2 + Math.random() * planned;
          await untilStopped(sleep(wait), options.stop);
        }
        if (options.stop?.aborted) return failed(problem('network', 'the download was stopped: the service is shutting down'));
        last = await once(req);
        if (!last.retry) return last.outcome;
      }
      return last ? last.outcome : failed(problem('network', 'no attempt was made'));
    },
  };
}

/** The wait, cut short by the stop signal. */
function untilStopped(wait: Promise<void>, stop: AbortSignal | undefined): Promise<void> {
  if (!stop) return wait;
  if (stop.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stop.removeEventListener('abort', done);
      resolve();
    };
    stop.addEventListener('abort', done);
    void wait.then(done);
  });
}

function failed(p: FeedProblem): FeedFetchOutcome {
  return { kind: 'failed', problem: p };
}

/** Seconds or an HTTP date. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Duck-typed: undici's errors come from another realm under jest, where `instanceof Error` fails. */
function networkProblem(error: unknown, timeoutMs: number): FeedProblem {
  const fields = typeof error === 'object' && error !== null ? (error as { name?: unknown; cause?: unknown }) : {};
  if (fields.name === 'TimeoutError' || fields.name === 'AbortError') {
    return problem('timeout', `no complete answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`);
  }
  // undici hides the socket error in `cause`; its code (ENOTFOUND, ECONNREFUSED) says what went wrong.
  const cause = fields.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  return problem('network', code ? `the server could not be reached (${code})` : 'the server could not be reached');
}
