/**
 * `npm run bench:turns`: what a guest's turn costs through the whole Bot Framework path, as a
 * channel sees it. Prints ONE JSON object on stdout; progress and the app's warnings go to stderr.
 *
 * This process runs the app (memory store, calendar sync off) on 127.0.0.1 with the real bot
 * on /api/messages and, on the same server and wiring (adapter, loopback guard, turn queue,
 * bot state), an echo bot on /bench/echo/messages: the ceiling a turn can reach. A child
 * process plays the channel: it POSTs activities from loopback and runs the Connector
 * stand-in on a loopback serviceUrl that the replies go to; keeping it out of this process
 * leaves the bot's event loop to the bot.
 *
 * Scenarios: the echo turn, and a guest's first message asking for a room, in English and in
 * French, each turn in a fresh conversation; CONCURRENCY conversations in flight. A turn ends
 * when its POST's response ends: CloudAdapter awaits every reply's POST to the serviceUrl
 * before answering (late replies are counted to prove it). After a warm-up, the timed turns
 * are split into ROUNDS rounds, run in turn (echo, en, fr, echo, …) so drift hits all alike.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { DemoPayments } from '../../adapters/payments/demo/demo-payments';
import { createApp, type App } from '../../bot/app';
import { createBotRuntime } from '../../bot/bot-runtime';
import { loadConfig } from '../../bot/config';
import { loadCalendarConfig } from '../../bot/jobs/feed-config';
import { understand } from '../../dialogs/understanding/understand';
import { EchoBot } from './support/echo-bot';
import type { LoadReply, LoadRequest, RunResult } from './support/turns-protocol';
import { figures, ratio } from './support/turns-stats';

const TURNS = Number(process.env.BENCH_TURNS ?? 2000);
const WARMUP_TURNS = Number(process.env.BENCH_WARMUP_TURNS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
/** Per timed round; the warm-up gets as long (the first French turn may load models). */
const ROUND_MAX_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 60);
/** Whatever happens, the bench ends by then. */
const TOTAL_MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 900);

const ECHO_PATH = '/bench/echo/messages';
const SCENARIOS = [
  { name: 'echo', path: ECHO_PATH, text: 'Do you have a room from December 12 to 15 for 2 adults?', locale: 'en-US' },
  { name: 'searchEn', path: '/api/messages', text: 'Do you have a room from December 12 to 15 for 2 adults?', locale: 'en-US' },
  { name: 'searchFr', path: '/api/messages', text: 'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', locale: 'fr-FR' },
] as const;
type ScenarioName = (typeof SCENARIOS)[number]['name'];
/** BENCH_ONLY=echo,searchFr runs just those (profiling one path); the ratios then need echo. */
const ONLY = new Set((process.env.BENCH_ONLY ?? SCENARIOS.map((s) => s.name).join(',')).split(',').map((s) => s.trim()));
const RUN = SCENARIOS.filter((s) => ONLY.has(s.name));

const progress = (msg: string) => process.stderr.write(`${msg}\n`);

/** The load process, with a promise per request: one run at a time. */
class LoadProcess {
  private waiting: ((reply: LoadReply) => void) | null = null;
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: LoadReply) => {
      const resolve = this.waiting;
      this.waiting = null;
      resolve?.(reply);
    });
    child.on('exit', (code) => {
      const resolve = this.waiting;
      this.waiting = null;
      resolve?.({ kind: 'failed', reason: `load process exited with ${code}` });
    });
  }

  static async start(): Promise<{ load: LoadProcess; serviceUrl: string }> {
    const child = fork(path.join(__dirname, 'support', 'turns-load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const load = new LoadProcess(child);
    const ready = await load.next();
    if (ready.kind !== 'ready') throw new Error(`load process did not start: ${ready.kind === 'failed' ? ready.reason : ready.kind}`);
    return { load, serviceUrl: ready.serviceUrl };
  }

  async run(request: Extract<LoadRequest, { kind: 'run' }>): Promise<RunResult> {
    const reply = this.next();
    this.child.send(request);
    const result = await reply;
    if (result.kind !== 'result') throw new Error(`load process failed: ${result.kind === 'failed' ? result.reason : result.kind}`);
    return result;
  }

  /** Asks it to leave, and kills it if it has not within a second. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ kind: 'exit' } satisfies LoadRequest);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
    await exited;
    clearTimeout(timer);
  }

  private next(): Promise<LoadReply> {
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

async function main(): Promise<void> {
  // Warnings and errors (a failed turn) to stderr: stdout carries the JSON alone.
  const log = pino({ level: 'warn', base: { service: 'majordome-bench' } }, pino.destination(2));
  const config = { ...loadConfig({}), port: 0, host: '127.0.0.1' };
  const botConfig = { credentials: null, stateTtlMs: 3600_000, defaultPropertyId: null };
  let app: App | null = null;
  let load: LoadProcess | null = null;
  const deadline = setTimeout(() => {
    progress(`turns bench: still running after ${TOTAL_MAX_SECONDS} s, giving up`);
    void load?.stop().finally(() => process.exit(1));
  }, TOTAL_MAX_SECONDS * 1000);
  deadline.unref();
  try {
    app = await createApp(config, log, { calendar: loadCalendarConfig({ ICAL_SYNC: 'off' }), botConfig });
    // The ceiling: the same runtime wiring, with a bot that only echoes.
    createBotRuntime({
      deps: app.deps,
      log,
      config: botConfig,
      storage: app.infrastructure.botStorage,
      services: { notifier: app.calendar.notifier, payments: new DemoPayments('http://localhost'), understand },
      createBot: () => new EchoBot(),
    }).register(app.server, ECHO_PATH);
    const base = `http://127.0.0.1:${await app.listen()}`;
    const started = await LoadProcess.start();
    load = started.load;
    progress(`turns bench: app on ${base}, replies to ${started.serviceUrl}, ${CONCURRENCY} conversations at once`);

    const request = (s: (typeof SCENARIOS)[number], turns: number, label: string) => ({
      kind: 'run' as const,
      label,
      url: base + s.path,
      text: s.text,
      locale: s.locale,
      turns,
      concurrency: CONCURRENCY,
      maxSeconds: ROUND_MAX_SECONDS,
      quietMs: 200,
    });
    for (const s of RUN) {
      const warm = await load.run(request(s, WARMUP_TURNS, `warm-${s.name}`));
      progress(`  warm-up ${s.name}: ${warm.turns} turns in ${warm.seconds.toFixed(1)} s`);
    }
    const rounds: Record<ScenarioName, RunResult[]> = { echo: [], searchEn: [], searchFr: [] };
    const perRound = Math.ceil(TURNS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of RUN) {
        const result = await load.run(request(s, perRound, `${s.name}-${round}`));
        rounds[s.name].push(result);
        progress(`  round ${round + 1}/${ROUNDS} ${s.name}: ${(result.turns / result.seconds).toFixed(0)} turns/s`);
      }
    }
    const echo = figures(rounds.echo);
    const searchEn = figures(rounds.searchEn);
    const searchFr = figures(rounds.searchFr);
    const goal = { throughputRatioAtLeast: 0.35, p99MsAtMost: 50 };
    const meets = (f: typeof echo) => f.errors === 0 && f.failedTurns === 0 && f.turnsPerSecond / echo.turnsPerSecond >= goal.throughputRatioAtLeast && f.p99Ms <= goal.p99MsAtMost;
    const out = {
      bench: 'turns',
      path: 'POST /api/messages over loopback HTTP → CloudAdapter → bot → replies POSTed to a loopback serviceUrl',
      store: app.deps.store.kind,
      concurrency: CONCURRENCY,
      turnsPerScenario: TURNS,
      warmupTurnsPerScenario: WARMUP_TURNS,
      rounds: ROUNDS,
      node: process.version,
      echo,
      searchEn,
      searchFr,
      ratios: {
        searchEnThroughputVsEcho: ratio(searchEn.turnsPerSecond, echo.turnsPerSecond),
        searchFrThroughputVsEcho: ratio(searchFr.turnsPerSecond, echo.turnsPerSecond),
        searchEnP50VsEcho: ratio(searchEn.p50Ms, echo.p50Ms),
        searchFrP50VsEcho: ratio(searchFr.p50Ms, echo.p50Ms),
        searchEnP99VsEcho: ratio(searchEn.p99Ms, echo.p99Ms),
        searchFrP99VsEcho: ratio(searchFr.p99Ms, echo.p99Ms),
      },
      goal: { ...goal, metEn: meets(searchEn), metFr: meets(searchFr) },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await load?.stop();
    await app?.close();
    clearTimeout(deadline);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    progress(`turns bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
