import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, type App } from '../../bot/app';
import type { BotConfig } from '../../bot/bot-config';
import type { BotRuntimeOptions } from '../../bot/bot-runtime';
import { loadConfig } from '../../bot/config';
import { loadCalendarConfig } from '../../bot/jobs/feed-config';
import type { Logger } from '../../bot/logger';
import type { Store } from '../../domain/ports';
import { ConnectorCapture } from '../bench/support/connector-capture';
import { FakeClock } from '../fakes/clock';

export const NO_CREDENTIALS: BotConfig = { credentials: null, stateTtlMs: 3600_000, defaultPropertyId: null };

/** A logger whose lines the test can read (the app's own logger writes to stdout). */
export function memoryLogger(): { log: Logger; lines: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines: () => text };
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
export async function startTestBot(options: { botConfig?: BotConfig; createBot?: BotRuntimeOptions['createBot']; store?: Store; host?: string } = {}): Promise<TestBot> {
  const capture = await ConnectorCapture.start();
  const { log, lines } = memoryLogger();
  const config = { ...loadConfig({}), port: 0, host: options.host ?? '127.0.0.1' };
  const app = await createApp(config, log, {
    clock: new FakeClock(Date.parse('2027-11-20T09:00:00Z')),
    calendar: loadCalendarConfig({ ICAL_SYNC: 'off' }),
    botConfig: options.botConfig ?? NO_CREDENTIALS,
    ...(options.createBot ? { createBot: options.createBot } : {}),
    ...(options.store ? { store: options.store } : {}),
  }).catch(async (error: unknown) => {
    await capture.close();
    throw error;
  });
  const base = `http://127.0.0.1:${await app.listen()}`;
  return {
    app,
    base,
    capture,
    logLines: lines,
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
    close: async () => {
      await app.close();
      await capture.close();
    },
  };
}
