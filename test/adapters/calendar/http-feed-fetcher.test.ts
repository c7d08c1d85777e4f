import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpFeedFetcher } from '../../../adapters/calendar/http/http-feed-fetcher';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

describe('fetching a feed over HTTP', () => {
  let server: Server;
  let base: string;
  let handler: Handler;
  const seen: IncomingMessage[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    seen.length = 0;
  });
  const noSleep = async () => undefined;
  const get = (over: Parameters<typeof createHttpFeedFetcher>[0] = {}, validators: { etag?: string; lastModified?: string } = {}) =>
    createHttpFeedFetcher({ sleep: noSleep, ...over }).fetch({ url: `${base}/feed.ics`, etag: validators.etag ?? null, lastModified: validators.lastModified ?? null });

  it('downloads the body and keeps its validators', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar', etag: '"abc"', 'last-modified': 'Sat, 21 Nov 2026 10:00:00 GMT' });
      res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    };
    const r = await get();
    expect(r).toEqual({ kind: 'fetched', body: expect.any(Uint8Array), etag: '"abc"', lastModified: 'Sat, 21 Nov 2026 10:00:00 GMT' });
    if (r.kind === 'fetched') expect(new TextDecoder().decode(r.body)).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(seen[0]?.headers['if-none-match']).toBeUndefined();
  });

  it('asks conditionally and takes a 304 as unchanged', async () => {
    handler = (req, res) => {
      res.writeHead(req.headers['if-none-match'] === '"abc"' && req.headers['if-modified-since'] ? 304 : 200);
      res.end();
    };
    expect(await get({}, { etag: '"abc"', lastModified: 'Sat, 21 Nov 2026 10:00:00 GMT' })).toEqual({ kind: 'not_modified' });
  });

  it('retries a 503 with backoff, honouring Retry-After, then succeeds', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      if (calls < 3) {
        res.writeHead(503, { 'retry-after': '7' });
        res.end('busy');
        return;
      }
      res.writeHead(200);
      res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    };
    const waits: number[] = [];
    const r = await get({ attempts: 3, sleep: async (ms) => void waits.push(ms) });
    expect(r.kind).toBe('fetched');
    expect(waits).toEqual([7000, 7000]);
  });

  it('backs off further at each try and gives up after the last one', async () => {
    handler = (_req, res) => {
      res.writeHead(502);
      res.end();
    };
    const waits: number[] = [];
    expect(await get({ attempts: 3, backoffMs: 1000, sleep: async (ms) => void waits.push(ms) })).toEqual({
      kind: 'failed',
      problem: { code: 'http_error', message: 'the server answered HTTP 502', status: 502 },
    });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(waits[0]).toBeLessThanOrEqual(1500);
    expect(waits[1]).toBeGreaterThanOrEqual(2000);
    expect(waits[1]).toBeLessThanOrEqual(6000);
  });

  it('does not retry a 404: the link is wrong until someone fixes it', async () => {
    handler = (_req, res) => {
      res.writeHead(404);
      res.end();
    };
    expect(await get({ attempts: 3 })).toMatchObject({ kind: 'failed', problem: { code: 'http_error', status: 404 } });
    expect(seen).toHaveLength(1);
  });

  it('refuses an HTML answer by its content type', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Log in</body></html>');
    };
    expect(await get()).toMatchObject({ kind: 'failed', problem: { code: 'html' } });
  });

  it('stops reading past the size cap, announced or not', async () => {
    const big = 'X'.repeat(20_000);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': String(big.length) });
      res.end(big);
    };
    expect(await get({ maxBytes: 10_000 })).toMatchObject({ kind: 'failed', problem: { code: 'too_large' } });
    handler = (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 20; i++) res.write(big);
      res.end();
    };
    expect(await get({ maxBytes: 10_000 })).toMatchObject({ kind: 'failed', problem: { code: 'too_large' } });
  });

  it('gives up on a server that does not answer in time, and says so', async () => {
    handler = () => undefined;
    expect(await get({ timeoutMs: 200, attempts: 2 })).toEqual({ kind: 'failed', problem: { code: 'timeout', message: 'no complete answer within 200 ms' } });
    expect(seen).toHaveLength(2);
  });

  it('names a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await createHttpFeedFetcher({ attempts: 1 }).fetch({ url: `http://127.0.0.1:${port}/x.ics`, etag: null, lastModified: null });
    expect(r).toEqual({ kind: 'failed', problem: { code: 'network', message: 'the server could not be reached (ECONNREFUSED)' } });
  });

  it('lets a shutdown end a download and its retry waits at once, without another try', async () => {
    handler = () => undefined;
    const stop = new AbortController();
    const never = () => new Promise<void>(() => undefined);
    const pending = createHttpFeedFetcher({ timeoutMs: 60_000, attempts: 3, sleep: never, stop: stop.signal }).fetch({ url: `${base}/feed.ics`, etag: null, lastModified: null });
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    stop.abort();
    expect(await pending).toMatchObject({ kind: 'failed', problem: { code: 'network', message: 'the download was stopped: the service is shutting down' } });
    expect(seen).toHaveLength(1);
  });
});
