import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import { HttpDrain } from '../../../bot/http/drain';
import { shutdown, type ShutdownPlan } from '../../../bot/shutdown';
import { TurnQueue } from '../../../bot/turn-queue';
import { memoryLogger } from '../messages-support';

/** A promise the test opens when it wants. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A server whose /slow answers when the test opens its gate, /never never answers, anything else at once. */
async function startServer(): Promise<{ server: http.Server; drain: HttpDrain; port: number; slow: ReturnType<typeof gate>; arrived: (path: string) => Promise<void> }> {
  const slow = gate();
  const waiting = new Map<string, () => void>();
  const seen = new Set<string>();
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    seen.add(path);
    waiting.get(path)?.();
    if (path === '/never') return;
    if (path === '/slow') void slow.opened.then(() => res.end('slow done'));
    else res.end('quick');
  });
  const drain = new HttpDrain(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const arrived = (path: string): Promise<void> => (seen.has(path) ? Promise.resolve() : new Promise((resolve) => waiting.set(path, resolve)));
  return { server, drain, port, slow, arrived };
}

function get(port: number, path: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** One raw keep-alive connection: each call writes a request and resolves with the raw answer. */
async function rawConnection(port: number): Promise<{ ask(path: string): Promise<string>; closed: Promise<void> }> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  let pending: ((text: string) => void) | null = null;
  let buffer = '';
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    const end = buffer.indexOf('\r\n\r\n');
    const length = /content-length: (\d+)/i.exec(buffer);
    if (end >= 0 && length && buffer.length >= end + 4 + Number(length[1])) {
      const answer = buffer;
      buffer = '';
      pending?.(answer);
    }
  });
  socket.on('error', () => undefined);
  return {
    closed,
    ask: (path) =>
      new Promise((resolve, reject) => {
        pending = resolve;
        socket.once('close', () => reject(new Error(`connection closed before the answer to ${path}`)));
        socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
      }),
  };
}

function planFor(drain: HttpDrain, extra: Partial<ShutdownPlan> = {}): ShutdownPlan {
  return { http: drain, turns: [], stopTimers: () => undefined, closeStreams: async () => undefined, release: [], ...extra };
}

describe('the HTTP drain of a shutdown', () => {
  const agents: http.Agent[] = [];
  const keepAlive = (): http.Agent => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    agents.push(agent);
    return agent;
  };
  afterEach(() => agents.splice(0).forEach((a) => a.destroy()));

  it('lets a request in flight finish, tells its client the socket closes, and refuses new connections', async () => {
    const { drain, port, slow, arrived } = await startServer();
    const { log } = memoryLogger();
    const agent = keepAlive();
    const answer = get(port, '/slow', agent);
    await arrived('/slow');

    const stopping = shutdown(planFor(drain), { graceMs: 60_000, log });
    expect(drain.isDraining).toBe(true);
    // The listener is closed: a new connection is refused, not queued.
    await drain.stopAccepting();
    await expect(get(port, '/quick', new http.Agent())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(drain.size).toBe(1);

    slow.open();
    const done = await answer;
    expect(done).toMatchObject({ status: 200, body: 'slow done' });
    expect(done.headers.connection).toBe('close');
    const report = await stopping;
    expect(report).toMatchObject({ clean: true, atStart: { requests: 1, turns: 0 }, unfinished: { requests: [], turns: [] }, failed: [] });
  });

  it('answers a request that comes on a kept-alive connection during the drain, then closes that connection', async () => {
    const { drain, port, slow, arrived } = await startServer();
    const { log } = memoryLogger();
    const idle = await rawConnection(port);
    expect(await idle.ask('/quick')).toMatch(/^HTTP\/1\.1 200[\s\S]*Connection: keep-alive/i);
    const answer = get(port, '/slow', keepAlive());
    await arrived('/slow');

    const stopping = shutdown(planFor(drain), { graceMs: 60_000, log });
    // The client could not know: it sends its next request on the connection it kept.
    const late = await idle.ask('/quick?late');
    expect(late).toMatch(/^HTTP\/1\.1 200/);
    expect(late).toMatch(/Connection: close/i);
    await idle.closed;

    slow.open();
    expect((await answer).status).toBe(200);
    expect((await stopping).clean).toBe(true);
  });

  it('closes idle kept-alive connections once the work is done, without waiting for their timeout', async () => {
    const { server, drain, port } = await startServer();
    server.keepAliveTimeout = 10 * 60_000;
    const { log } = memoryLogger();
    const idle = await rawConnection(port);
    await idle.ask('/quick');
    const report = await shutdown(planFor(drain), { graceMs: 60_000, log });
    await idle.closed;
    expect(report.clean).toBe(true);
    expect(server.listening).toBe(false);
  });

  it('cuts a request still running at the deadline and reports it by id', async () => {
    const { drain, port, arrived } = await startServer();
    const { log, lines } = memoryLogger();
    const answer = get(port, '/quick', keepAlive()).then(() => get(port, '/never', keepAlive()));
    await arrived('/never');

    const report = await shutdown(planFor(drain), { graceMs: 50, log });
    await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(report.clean).toBe(false);
    expect(report.unfinished.requests).toEqual([expect.objectContaining({ id: 2, method: 'GET' })]);
    const warning = lines().split('\n').find((l) => l.includes('shutdown deadline passed'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning ?? '{}')).toMatchObject({ requests: [{ id: 2, method: 'GET' }], turns: [] });
    // Ids, not paths: a path can hold a signed link.
    expect(warning).not.toContain('/never');
  });

  it('waits for a bot turn that outlives its request, and names one still running at the deadline', async () => {
    const { drain } = await startServer();
    const { log } = memoryLogger();
    const queue = new TurnQueue();
    const turn = gate();
    void queue.run('webchat/conv-1', () => turn.opened);
    const stopping = shutdown(planFor(drain, { turns: [queue] }), { graceMs: 60_000, log });
    let finished = false;
    void stopping.then(() => (finished = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(false);
    turn.open();
    expect(await stopping).toMatchObject({ clean: true, atStart: { requests: 0, turns: 1 } });

    const other = await startServer();
    const stuck = new TurnQueue();
    void stuck.run('msteams/conv-2', () => new Promise<void>(() => undefined));
    const cut = await shutdown(planFor(other.drain, { turns: [stuck] }), { graceMs: 50, log });
    expect(cut).toMatchObject({ clean: false, unfinished: { requests: [], turns: ['msteams/conv-2'] } });
  });

  it('says goodbye to streams before the connections end, then releases in order, the store last', async () => {
    const { drain } = await startServer();
    const { log } = memoryLogger();
    const order: string[] = [];
    const step = (name: string, fails = false) => ({
      name,
      close: async () => {
        order.push(name);
        if (fails) throw new Error('refused');
      },
    });
    const report = await shutdown(
      planFor(drain, {
        stopTimers: () => order.push('timers'),
        closeStreams: async () => {
          order.push('streams');
        },
        release: [step('workers'), step('calendar', true), step('store')],
      }),
      { graceMs: 60_000, log },
    );
    expect(order).toEqual(['timers', 'streams', 'workers', 'calendar', 'store']);
    // A step that failed does not stop the next ones, and the shutdown says it was not clean.
    expect(report).toMatchObject({ clean: false, failed: ['calendar'] });
  });
});

describe('TurnQueue.idle', () => {
  it('resolves at once with no turn, and otherwise after every turn, those accepted meanwhile included', async () => {
    const queue = new TurnQueue();
    await queue.idle();
    const first = gate();
    const second = gate();
    const done: string[] = [];
    void queue.run('a', () => first.opened.then(() => void done.push('a1')));
    const idle = queue.idle().then(() => done.push('idle'));
    void queue.run('b', () => second.opened.then(() => void done.push('b1')));
    expect(queue.busy).toEqual(['a', 'b']);
    first.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual(['a1']);
    second.open();
    await idle;
    expect(done).toEqual(['a1', 'b1', 'idle']);
    expect(queue.busy).toEqual([]);
  });
});
