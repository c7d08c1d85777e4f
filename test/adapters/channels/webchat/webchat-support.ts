import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { createApp, type App } from '../../../../bot/app';
import { loadConfig, type Config } from '../../../../bot/config';
import { loadCalendarConfig } from '../../../../bot/jobs/feed-config';
import type { WebchatConfig } from '../../../../bot/webchat-config';
import type { MemoryStore } from '../../../../adapters/store/memory';
import { memoryLogger, NO_CREDENTIALS } from '../../../bot/messages-support';
import { FakeClock } from '../../../fakes/clock';
import { markSensitive } from '../../../support/log-capture';

export const PROPERTY = 'chateau-de-vauclair';
export const FRENCH_SEARCH = 'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?';

export const randomSecret = (): string => markSensitive(randomBytes(32).toString('hex'));

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface WebchatTestApp {
  app: App;
  base: string;
  /** This server's own loopback origin, allowed by default. */
  origin: string;
  clock: FakeClock;
  logLines: () => string;
  call(method: string, path: string, options?: { auth?: string; origin?: string; body?: unknown; headers?: Record<string, string> }): Promise<Reply>;
  /** A widget token for a new conversation, asked as a page of this server would. */
  widgetToken(locale?: string): Promise<{ conversationId: string; token: string; expires_in: number }>;
  close(): Promise<void>;
}

/** The whole app on 127.0.0.1 (calendar sync off, fake clock), with web chat settings of the test's choosing. */
export async function startWebchatApp(options: { webchat?: Partial<WebchatConfig>; store?: MemoryStore; config?: Partial<Config>; clock?: FakeClock } = {}): Promise<WebchatTestApp> {
  const { log, lines } = memoryLogger();
  const clock = options.clock ?? new FakeClock(Date.parse('2027-11-20T09:00:00Z'));
  const webchatConfig: WebchatConfig = { secret: null, tokenTtlSeconds: 1800, allowedOrigins: null, tokenRatePerMinute: 1000, messagesPerMinute: 1000, logTtlMs: 3600_000, ...options.webchat };
  const app = await createApp({ ...loadConfig({}), port: 0, host: '127.0.0.1', ...options.config }, log, {
    clock,
    calendar: loadCalendarConfig({ ICAL_SYNC: 'off' }),
    botConfig: NO_CREDENTIALS,
    webchatConfig,
    ...(options.store ? { store: options.store } : {}),
  });
  const base = `http://127.0.0.1:${await app.listen()}`;
  const call: WebchatTestApp['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.auth) headers.authorization = `Bearer ${o.auth}`;
    if (o.origin) headers.origin = o.origin;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    app,
    base,
    origin: base,
    clock,
    logLines: lines,
    call,
    widgetToken: async (locale) => {
      const res = await call('POST', '/webchat/token', { origin: base, body: { property: PROPERTY, ...(locale ? { locale } : {}) } });
      if (res.status !== 200) throw new Error(`token refused: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { conversationId: string; token: string; expires_in: number };
    },
    close: () => app.close(),
  };
}

/** Resolves when `check` holds, checking on every event the caller signals; jest's timeout bounds it. */
export function until(check: () => boolean, subscribe: (wake: () => void) => () => void): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const stop = subscribe(() => {
      if (check()) {
        stop();
        resolve();
      }
    });
  });
}

export interface ActivitySet {
  activities: Record<string, unknown>[];
  watermark?: string;
}

/** A bare WebSocket client of the stream: every activity set it receives, in order. */
export class StreamClient {
  readonly sets: ActivitySet[] = [];
  private readonly wakers = new Set<() => void>();
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text) this.sets.push(JSON.parse(text) as ActivitySet);
      for (const wake of this.wakers) wake();
    });
  }

  get activities(): Record<string, unknown>[] {
    return this.sets.flatMap((s) => s.activities);
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<StreamClient | { refused: number; body: string }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(new StreamClient(ws)));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ refused: res.statusCode ?? 0, body }));
      });
      ws.once('error', (e) => reject(e));
    });
  }

  waitFor(check: (activities: Record<string, unknown>[]) => boolean): Promise<void> {
    return until(
      () => check(this.activities),
      (wake) => {
        this.wakers.add(wake);
        return () => this.wakers.delete(wake);
      },
    );
  }

  close(): void {
    this.ws.close();
  }
}
