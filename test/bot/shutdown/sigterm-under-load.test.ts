import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { RedisActivityLog } from '../../../adapters/channels/webchat/redis-activity-log';
import { createRedisStore } from '../../../adapters/store/redis';
import { ConnectorCapture } from '../../bench/support/connector-capture';
import { guestMessage } from '../../bench/support/guest-activity';
import { testRedisUrl } from '../../support/redis-store';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PROPERTY = 'chateau-de-vauclair';
const WORKERS = 30;
/** SIGTERM goes once the load is steady (this many answers, so kept-alive sockets are being reused)… */
const ANSWERED_BEFORE_SIGNAL = 3 * WORKERS;
/** …and this many requests are sent and unanswered, this many of them bot turns. */
const IN_FLIGHT_AT_SIGNAL = 12;
const TURNS_IN_FLIGHT_AT_SIGNAL = 6;
const TEXTS = ['Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', 'help', 'Do you have a room for 2 adults next weekend?'];

type LogLine = Record<string, unknown> & { msg?: string };

interface RunningMain {
  port: number;
  lines: LogLine[];
  exited: Promise<number | null>;
  child: ChildProcessWithoutNullStreams;
}

/** The real entry point, as a supervisor runs it; resolves once it announces its port. */
function startMain(env: Record<string, string>): Promise<RunningMain> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot', 'main.ts')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  const lines: LogLine[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // Last resort if the test itself fails half-way: never leave the server behind.
  const killer = setTimeout(() => child.kill('SIGKILL'), 280_000);
  killer.unref();
  void exited.then(() => clearTimeout(killer));
  return new Promise((resolve, reject) => {
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const text of complete) {
        if (!text.trim()) continue;
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        if (line.msg === 'Majordome is listening') resolve({ port: Number(line.port), lines, exited, child });
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
}

type Kind = 'health' | 'offers' | 'directline' | 'messages';
const isTurn = (kind: Kind): boolean => kind === 'directline' || kind === 'messages';

interface Attempt {
  kind: Kind;
  /** Its bytes had all gone out when SIGTERM was sent: it must be answered. */
  startedBeforeSignal: boolean;
  /** Sent and not yet answered when SIGTERM was sent. */
  inFlightAtSignal?: boolean;
  sent: boolean;
  outcome?: { status: number; body: string } | { error: string };
  /** The bot turn's activity id (Direct Line: from the answer) and its conversation. */
  activityId?: string;
  conversationId?: string;
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('SIGTERM under load', () => {
  it('answers every request that had started, lets every bot turn reply, and says going away to streams', async () => {
    const secret = randomBytes(32).toString('hex');
    const keyPrefix = `mjt_sigterm_${process.pid}_${randomBytes(4).toString('hex')}:`;
    const capture = await ConnectorCapture.start();
    const main = await startMain({
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: keyPrefix,
      DIRECT_LINE_SECRET: secret,
      ICAL_SYNC: 'off',
      // Generous: the drain ends when the work does; this only bounds a stuck turn on a loaded machine.
      SHUTDOWN_GRACE_SECONDS: '60',
    });
    const { port } = main;
    const store = createRedisStore({ url: testRedisUrl(), keyPrefix });
    try {
      const attempts: Attempt[] = [];
      let signalled = false;
      let signalledAt = 0;
      let inFlightAtSignal = 0;

      const onSent = (a: Attempt): void => {
        a.sent = true;
        if (signalled) return;
        if (attempts.filter((x) => x.outcome).length < ANSWERED_BEFORE_SIGNAL) return;
        const inFlight = attempts.filter((x) => x.sent && !x.outcome);
        if (inFlight.length < IN_FLIGHT_AT_SIGNAL || inFlight.filter((x) => isTurn(x.kind)).length < TURNS_IN_FLIGHT_AT_SIGNAL) return;
        signalled = true;
        inFlightAtSignal = inFlight.length;
        for (const x of inFlight) x.inFlightAtSignal = true;
        for (const x of attempts) if (x.sent) x.startedBeforeSignal = true;
        signalledAt = Date.now();
        main.child.kill('SIGTERM');
      };

      const send = (a: Attempt, agent: http.Agent, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<void> =>
        new Promise((resolve) => {
          attempts.push(a);
          const payload = body === undefined ? undefined : JSON.stringify(body);
          const req = http.request({ host: '127.0.0.1', port, method, path: route, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => {
              a.outcome = { status: res.statusCode ?? 0, body: text };
              resolve();
            });
            res.on('close', () => {
              if (!res.complete) {
                a.outcome ??= { error: 'ANSWER_CUT' };
                resolve();
              }
            });
          });
          req.on('finish', () => onSent(a));
          req.on('error', (error: NodeJS.ErrnoException) => {
            a.outcome ??= { error: error.code ?? error.message };
            resolve();
          });
          req.end(payload);
        });

      // One Direct Line conversation per worker, started (and greeted) before the load.
      const auth = { authorization: `Bearer ${secret}` };
      const setup = new http.Agent({ keepAlive: false });
      const conversations: { conversationId: string; streamUrl: string }[] = [];
      for (let i = 0; i < WORKERS; i += 1) {
        const started: Attempt = { kind: 'directline', startedBeforeSignal: false, sent: false };
        await send(started, setup, 'POST', '/v3/directline/conversations', { property: PROPERTY, locale: 'fr-FR' }, auth);
        if (!started.outcome || !('status' in started.outcome) || started.outcome.status !== 201) throw new Error(`conversation not started: ${JSON.stringify(started.outcome)}`);
        conversations.push(JSON.parse(started.outcome.body) as { conversationId: string; streamUrl: string });
      }
      attempts.splice(0);

      // A guest following their conversation's stream.
      const stream = new WebSocket(conversations[0]?.streamUrl ?? '');
      const streamClosed = new Promise<number>((resolve) => stream.once('close', (code: number) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });

      const offers = `/api/properties/${PROPERTY}/offers?checkIn=${isoDay(40)}&checkOut=${isoDay(43)}&adults=2`;
      const worker = async (i: number): Promise<void> => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const conversation = conversations[i];
        if (!conversation) throw new Error('no conversation');
        let afterSignal = 0;
        try {
          for (let n = 0; n < 400; n += 1) {
            const kind = (['directline', 'health', 'messages', 'offers'] as const)[(i + n) % 4] ?? 'health';
            const a: Attempt = { kind, startedBeforeSignal: false, sent: false };
            const text = TEXTS[(i + n) % TEXTS.length] ?? 'help';
            if (kind === 'health') await send(a, agent, 'GET', '/health');
            else if (kind === 'offers') await send(a, agent, 'GET', offers);
            else if (kind === 'directline') {
              a.conversationId = conversation.conversationId;
              await send(a, agent, 'POST', `/v3/directline/conversations/${conversation.conversationId}/activities`, { type: 'message', text, from: { id: `guest-${i}` }, locale: 'fr-FR' }, auth);
              if (a.outcome && 'status' in a.outcome && a.outcome.status === 200) a.activityId = (JSON.parse(a.outcome.body) as { id: string }).id;
            } else {
              const activity = guestMessage({ serviceUrl: capture.url, conversationId: `load-${i}`, text, locale: 'fr-FR' });
              a.activityId = activity.id;
              a.conversationId = `load-${i}`;
              await send(a, agent, 'POST', '/api/messages', activity);
            }
            // After the signal: a few more tries, until the server refuses to connect.
            if (signalled && (++afterSignal > 3 || (a.outcome && 'error' in a.outcome))) return;
          }
        } finally {
          agent.destroy();
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
      const code = await main.exited;
      const exitedAt = Date.now();

      // Every request whose bytes had gone out before the signal got its whole answer.
      expect(signalled).toBe(true);
      const started = attempts.filter((a) => a.startedBeforeSignal);
      const cut = started.filter((a) => !a.outcome || 'error' in a.outcome).map((a) => ({ kind: a.kind, outcome: a.outcome }));
      expect(cut).toEqual([]);
      expect(inFlightAtSignal).toBeGreaterThanOrEqual(IN_FLIGHT_AT_SIGNAL);

      // Every bot turn that was taken in has its replies: Direct Line's in the log kept in Redis,
      // Bot Framework's at the channel's connector.
      const log = new RedisActivityLog({ client: store.redis, keyPrefix, ttlMs: 3_600_000 });
      const turns = attempts.filter((a) => isTurn(a.kind) && a.outcome && 'status' in a.outcome && a.outcome.status === 200);
      const unanswered: string[] = [];
      for (const a of turns) {
        if (a.kind === 'messages') {
          if (capture.repliesTo(a.activityId ?? '').length === 0) unanswered.push(`messages ${a.activityId}`);
        } else {
          const { activities } = await log.read(a.conversationId ?? '', null, 500);
          if (!activities.some((x) => x.replyToId === a.activityId)) unanswered.push(`directline ${a.activityId}`);
        }
      }
      expect(unanswered).toEqual([]);
      expect(turns.filter((a) => a.inFlightAtSignal).length).toBeGreaterThanOrEqual(TURNS_IN_FLIGHT_AT_SIGNAL);

      expect(await streamClosed).toBe(1001);
      const report = main.lines.find((l) => l.msg === 'shut down');
      expect(report).toMatchObject({ clean: true });
      expect(code).toBe(0);

      if (process.env.MAJORDOME_SHUTDOWN_FIGURES) {
        const after = attempts.filter((a) => !a.startedBeforeSignal);
        const tally = (list: Attempt[]): Record<string, number> =>
          list.reduce<Record<string, number>>((t, a) => {
            const key = !a.outcome ? 'none' : 'error' in a.outcome ? a.outcome.error : `HTTP ${a.outcome.status}`;
            t[key] = (t[key] ?? 0) + 1;
            return t;
          }, {});
        const figures = {
          requests: attempts.length,
          startedBeforeSignal: started.length,
          inFlightAtSignal,
          serverAtStart: report?.atStart,
          drainMs: report?.drainMs,
          totalMs: report?.totalMs,
          signalToExitMs: exitedAt - signalledAt,
          started: tally(started),
          afterSignal: tally(after),
          turnsInFlightAtSignal: attempts.filter((a) => a.inFlightAtSignal && isTurn(a.kind)).length,
          turnsAnswered: turns.length,
        };
        process.stdout.write(`${JSON.stringify(figures)}\n`);
      }
    } finally {
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
      await store.close();
      await capture.close();
    }
  });
});
