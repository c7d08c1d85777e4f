/**
 * `npm run bench:webchat`: what web chat costs a guest. Prints ONE JSON object on stdout;
 * progress goes to stderr.
 *
 * Direct Line: the app runs in this process (memory store, calendar sync off, the real bot)
 * on 127.0.0.1. CONVERSATIONS guests at once each start a conversation, wait for the greeting,
 * then send MESSAGES messages one after the other ("help": the real dialogs, a cheap turn),
 * and time each from the POST to the arrival of the bot's reply: on the WebSocket stream, or
 * by polling every POLL_MS as directlinejs does (its lowest interval is 200 ms, so a polling
 * round trip includes up to one interval of waiting). The clients share this process's event
 * loop with the server, so the figures are an upper bound of the server's own cost.
 *
 * Widget: test/bench/support/widget-timing.ts, when present, measures the widget's size and
 * its time to an interactive send box against the official Web Chat; merged under "widget".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { z } from 'zod';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { loadCalendarConfig } from '../../bot/jobs/feed-config';
import { EchoBot } from './support/echo-bot';
import { percentile } from './support/turns-stats';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20);
const WARMUP_MESSAGES = Number(process.env.BENCH_WARMUP_MESSAGES ?? 3);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 200);
const TEXT = 'help';
const PROPERTY = 'chateau-de-vauclair';

const progress = (msg: string) => process.stderr.write(`${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Number(n.toFixed(2));

interface LoggedActivity {
  id?: string;
  type?: string;
  replyToId?: string;
  from?: { role?: string };
  channelData?: { clientActivityID?: string };
}
interface ActivitySet {
  activities: LoggedActivity[];
  watermark?: string;
}

type Mode = 'polling' | 'webSocket';

/** One guest: a conversation, and a way to learn of each activity as the chosen mode delivers it. */
class Guest {
  private watermark = '';
  /** The reply awaited: to the message with this clientActivityID (null: the greeting). */
  private waiting: { clientActivityID: string | null; echoId?: string; resolve: () => void } | null = null;
  private stopped = false;
  private ws: WebSocket | null = null;

  private constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly conversationId: string,
  ) {}

  static async start(base: string, mode: Mode, greets: boolean): Promise<Guest> {
    const tokenRes = await fetch(`${base}/webchat/token`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ property: PROPERTY, locale: 'en' }) });
    const { token, conversationId } = (await tokenRes.json()) as { token: string; conversationId: string };
    const guest = new Guest(base, token, conversationId);
    const greeted = guest.replyTo(null);
    const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const { streamUrl } = (await started.json()) as { streamUrl: string };
    if (mode === 'webSocket') await guest.openStream(streamUrl);
    else void guest.poll();
    if (greets) await greeted;
    return guest;
  }

  /** Sends one message; resolves with the milliseconds until the bot's reply arrived. */
  async roundTrip(n: number): Promise<number> {
    const clientActivityID = `bench-${n}`;
    const started = performance.now();
    const reply = this.replyTo(clientActivityID);
    const res = await fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: TEXT, locale: 'en-US', channelData: { clientActivityID } }),
    });
    if (res.status !== 200) throw new Error(`post answered ${res.status}`);
    await reply;
    return performance.now() - started;
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }

  private replyTo(clientActivityID: string | null): Promise<void> {
    return new Promise((resolve) => (this.waiting = { clientActivityID, resolve }));
  }

  private receive(set: ActivitySet): void {
    if (set.watermark) this.watermark = set.watermark;
    for (const a of set.activities) {
      const w = this.waiting;
      if (!w) return;
      if (w.clientActivityID !== null && a.channelData?.clientActivityID === w.clientActivityID) w.echoId = a.id;
      const answers = w.clientActivityID === null ? a.from?.role === 'bot' : w.echoId !== undefined && a.replyToId === w.echoId;
      if (answers && a.type === 'message') {
        this.waiting = null;
        w.resolve();
      }
    }
  }

  private openStream(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      this.ws = ws;
      ws.on('message', (data: Buffer) => {
        const text = data.toString();
        if (text) this.receive(JSON.parse(text) as ActivitySet);
      });
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      const started = performance.now();
      const res = await fetch(`${this.base}/v3/directline/conversations/${this.conversationId}/activities?watermark=${encodeURIComponent(this.watermark)}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      this.receive((await res.json()) as ActivitySet);
      await sleep(Math.max(0, POLL_MS - (performance.now() - started)));
    }
  }
}

async function runMode(base: string, mode: Mode, greets = true): Promise<Record<string, number>> {
  progress(`${mode}: starting ${CONVERSATIONS} conversations`);
  const guests = await Promise.all(Array.from({ length: CONVERSATIONS }, () => Guest.start(base, mode, greets)));
  const latencies: number[] = [];
  let errors = 0;
  const wallStart = performance.now();
  await Promise.all(
    guests.map(async (guest) => {
      for (let i = 0; i < WARMUP_MESSAGES + MESSAGES; i++) {
        try {
          const ms = await guest.roundTrip(i);
          if (i >= WARMUP_MESSAGES) latencies.push(ms);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - wallStart) / 1000;
  for (const guest of guests) guest.stop();
  latencies.sort((a, b) => a - b);
  progress(`${mode}: ${latencies.length} round trips`);
  return {
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    meanMs: round(latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length)),
    samples: latencies.length,
    messagesPerSecond: round((CONVERSATIONS * (WARMUP_MESSAGES + MESSAGES)) / seconds),
    errors,
  };
}

const widgetTimingModule = z.object({ measureWidgetTiming: z.function() });

/** The widget's figures, when its measuring module is there. */
async function widgetFigures(base: string): Promise<Record<string, unknown> | null> {
  const file = path.join(__dirname, 'support', 'widget-timing');
  if (!['.ts', '.js'].some((ext) => fs.existsSync(file + ext))) return null;
  const loaded = widgetTimingModule.safeParse(await import(file));
  if (!loaded.success) throw new Error('support/widget-timing does not export measureWidgetTiming(baseUrl)');
  const measure = loaded.data.measureWidgetTiming as (baseUrl: string) => Promise<Record<string, unknown>>;
  return measure(base);
}

function startApp(echo: boolean) {
  const log = pino({ level: 'warn' }, pino.destination(2));
  return createApp({ ...loadConfig({}), port: 0, host: '127.0.0.1' }, log, {
    calendar: loadCalendarConfig({ ICAL_SYNC: 'off' }),
    botConfig: { credentials: null, stateTtlMs: 3600_000, defaultPropertyId: null },
    webchatConfig: { secret: null, tokenTtlSeconds: 1800, allowedOrigins: null, tokenRatePerMinute: 1_000_000, messagesPerMinute: 1_000_000, logTtlMs: 3600_000 },
    ...(echo ? { createBot: () => new EchoBot() } : {}),
  });
}

/** The same Direct Line path with the cheapest bot: what our channel costs apart from the dialogs. */
async function echoCeiling(): Promise<Record<string, number>> {
  const app = await startApp(true);
  try {
    return await runMode(`http://127.0.0.1:${await app.listen()}`, 'webSocket', false);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const echoWebSocket = await echoCeiling();
  const app = await startApp(false);
  const base = `http://127.0.0.1:${await app.listen()}`;
  try {
    const webSocket = await runMode(base, 'webSocket');
    const polling = await runMode(base, 'polling');
    const widget = await widgetFigures(base);
    const out = {
      directLine: {
        bot: `MajordomeBot, real dialogs, message "${TEXT}" (answered by the help interruption)`,
        store: app.deps.store.kind,
        conversations: CONVERSATIONS,
        messagesPerConversation: MESSAGES,
        warmupMessagesPerConversation: WARMUP_MESSAGES,
        roundTrip: 'POST of the message to arrival of the bot reply at the client',
        webSocket,
        polling: { pollIntervalMs: POLL_MS, ...polling },
        echoBotWebSocket: { bot: 'one-line echo bot, no state or dialogs: the ceiling of the channel itself', ...echoWebSocket },
      },
      widget,
      machine: { node: process.version, cpus: os.cpus().length, platform: process.platform },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
