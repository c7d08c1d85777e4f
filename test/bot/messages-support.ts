import { Writable } from 'node:stream';
import { createApp, type App } from '../../bot/app';
import type { BotConfig } from '../../bot/bot-config';
import type { BotRuntimeOptions } from '../../bot/bot-runtime';
import { loadConfig, type Config } from '../../bot/config';
import { loadCalendarConfig } from '../../bot/jobs/feed-config';
import { createLogger, type Logger } from '../../bot/logger';
import type { MemoryStore } from '../../adapters/store/memory';
import { ConnectorCapture } from '../bench/support/connector-capture';
import { FakeClock } from '../fakes/clock';

export const NO_CREDENTIALS: BotConfig = { credentials: null, stateTtlMs: 3600_000, defaultPropertyId: null };

/** The app's own logger, redaction included, writing to lines the test can read instead of stdout. */
export function memoryLogger(): { log: Logger; lines: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { log: createLogger('info', sink), lines: () => text };
}

/** What the app takes besides its config: store, clock, bot, calendar, payments, staff… */
export type AppOverrides = NonNullable<Parameters<typeof createApp>[2]>;

export interface LoopbackApp {
  app: App;
  base: string;
  clock: FakeClock;
  capture: ConnectorCapture;
  logLines: () => string;
  close(): Promise<void>;
}

/**
 * The whole app on 127.0.0.1 with a fake clock (20 Nov 2027, 09:00 UTC, unless `clock`), no
 * bot credentials, calendar sync off (no network) and a capture server for the replies: its
 * own, or `capture`, which it then leaves open. `over` adds to or replaces those overrides;
 * `beforeListen` sees the app before it takes requests.
 */
export async function startLoopbackApp(
  options: { clock?: FakeClock; capture?: ConnectorCapture; config?: Partial<Config>; over?: AppOverrides; beforeListen?: (app: App) => void } = {},
): Promise<LoopbackApp> {
  const capture = options.capture ?? (await ConnectorCapture.start());
  const closeCapture = async (): Promise<void> => {
    if (!options.capture) await capture.close();
  };
  const { log, lines } = memoryLogger();
  const clock = options.clock ?? new FakeClock(Date.parse('2027-11-20T09:00:00Z'));
  const app = await createApp({ ...loadConfig({}), port: 0, host: '127.0.0.1', ...options.config }, log, {
    clock,
    calendar: loadCalendarConfig({ ICAL_SYNC: 'off' }),
    botConfig: NO_CREDENTIALS,
    ...options.over,
  }).catch(async (error: unknown) => {
    await closeCapture();
    throw error;
  });
  options.beforeListen?.(app);
  const base = `http://127.0.0.1:${await app.listen()}`;
  return {
    app,
    base,
    clock,
    capture,
    logLines: lines,
    close: async () => {
      await app.close();
      await closeCapture();
    },
  };
}

export interface TestBot {
  app: App;
  base: string;
  capture: ConnectorCapture;
  logLines: () => string;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** The whole app on 127.0.0.1 with a capture server for the replies; calendar sync off (no network). */
export async function startTestBot(options: { botConfig?: BotConfig; createBot?: BotRuntimeOptions['createBot']; store?: MemoryStore; config?: Partial<Config>; host?: string } = {}): Promise<TestBot> {
  const { app, base, capture, logLines, close } = await startLoopbackApp({
    config: { host: options.host ?? '127.0.0.1', ...options.config },
    over: {
      botConfig: options.botConfig ?? NO_CREDENTIALS,
      ...(options.createBot ? { createBot: options.createBot } : {}),
      ...(options.store ? { store: options.store } : {}),
    },
  });
  return {
    app,
    base,
    capture,
    logLines,
    post: async (body, headers = {}) => {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // keep the text
      }
      return { status: res.status, body: parsed };
    },
    close,
  };
}
