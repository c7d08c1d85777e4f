import type { Server } from 'restify';
import { loadPropertiesFrom } from '../adapters/catalog/load-properties';
import { registerWebChatPages } from '../adapters/channels/webchat/pages/web-chat-pages';
import { InProcessBookingEvents } from '../adapters/events/in-process-booking-events';
import { systemClock } from '../adapters/system/clock';
import { cryptoIds } from '../adapters/system/ids';
import { Catalog } from '../domain/catalog/catalog';
import type { Clock, Store } from '../domain/ports';
import type { UseCaseDeps } from '../domain/usecases/deps';
import { understand } from '../dialogs/understanding/understand';
import { createBotRuntime, type BotOverrides, type BotRuntime } from './bot-runtime';
import type { Config } from './config';
import { startEventLoopWatchdog } from './event-loop-watchdog';
import { TURN_CLAIM_MS, TURN_RETENTION_MS } from './once-per-activity';
import { HttpDrain } from './http/drain';
import { createServer } from './http/server';
import { ProactiveGuestMessenger } from './proactive/guest-messenger';
import { ConnectorSender } from './proactive/proactive-sender';
import { startCalendar, type CalendarOverrides, type CalendarWiring } from './jobs/feed-wiring';
import { startHoldSweeper } from './jobs/hold-sweeper';
import type { Logger } from './logger';
import { createInfrastructure, type Infrastructure } from './infrastructure/infrastructure';
import { shutdown, type ShutdownPlan, type ShutdownReport } from './shutdown';
import { createPayments, startPayments, type Payments, type PaymentsOverrides } from './payments/payments-wiring';
import { startRequestToBook, type RequestOverrides, type RequestToBook } from './requests/request-wiring';
import { startWebchat, type Webchat, type WebchatOverrides } from './webchat';

export interface App {
  deps: UseCaseDeps;
  /** Store, bot state, web chat log, timers, rate limits and readiness, built once from the config. */
  infrastructure: Infrastructure;
  server: Server;
  /** iCal import schedule, export route cache and staff notifier. */
  calendar: CalendarWiring;
  /** The Bot Framework side: adapter, bot state, the bot, POST /api/messages. */
  bot: BotRuntime;
  /** Tells guests about their bookings on the channel they booked from. */
  messenger: ProactiveGuestMessenger;
  /** Request-to-book: staff answers (signed links, token API) and the deadlines of requests. */
  requests: RequestToBook;
  /** Booking events of this instance: timers, staff alerts and notices hang from them. */
  events: InProcessBookingEvents;
  /** Web chat: our Direct Line 3.0 service and the widget's token endpoint. */
  webchat: Webchat;
  /** Stripe Checkout, or the demo checkout page when no key is configured. */
  payments: Payments;
  /** Resolves once the server listens; gives the bound port (useful with port 0 in tests). */
  listen(): Promise<number>;
  /** Stops taking work, lets requests and bot turns finish for up to `graceMs` (default SHUTDOWN_GRACE_SECONDS), then closes everything, the store last. */
  shutdown(graceMs?: number): Promise<ShutdownReport>;
  close(): Promise<void>;
}

/** The composition root: the only place that picks concrete adapters. */
export async function createApp(
  config: Config,
  log: Logger,
  over: { store?: Store & { kind: 'memory' }; clock?: Clock } & CalendarOverrides & BotOverrides & WebchatOverrides & RequestOverrides & PaymentsOverrides = {},
): Promise<App> {
  const catalog = new Catalog(await loadPropertiesFrom(config.propertiesDir));
  const infrastructure = await createInfrastructure(config, log, over.store ? { memoryStore: over.store } : {});
  const store = infrastructure.store;
  // In process by design: each instance reacts to the booking changes it makes.
  const events = new InProcessBookingEvents(log);
  const deps: UseCaseDeps = { catalog, store, clock: over.clock ?? systemClock, ids: cryptoIds, events };
  const watchdog = startEventLoopWatchdog(log, { warnMs: config.eventLoopWarnMs });
  const server = createServer(deps, { infrastructure, watchdog }, log);
  const drain = new HttpDrain(server.server);
  registerWebChatPages(server, { catalog, log });
  const calendar = await startCalendar(deps, infrastructure, server, config, log, over);
  const requests = startRequestToBook({ deps, infrastructure, server, config, log, notifier: calendar.notifier, events, over });
  const payments = createPayments(deps, config, log, over);
  const botConfig = over.botConfig ?? config.bot;
  const bot = createBotRuntime({
    deps,
    log,
    config: botConfig,
    storage: infrastructure.botStorage,
    deliveries: infrastructure.processedIds('turns', { claimMs: TURN_CLAIM_MS, retentionMs: TURN_RETENTION_MS }),
    createBot: over.createBot,
    services: { notifier: requests.notifier, payments: payments.gateway, understand },
  });
  bot.register(server);
  const messenger = new ProactiveGuestMessenger(catalog, new ConnectorSender(bot.adapter, botConfig.credentials?.appId ?? ''), log);
  await requests.answerWith({ payments: payments.gateway, messenger });
  const paymentSweep = startPayments(server, payments, { deps, infrastructure, messenger, notifier: requests.notifier, log });
  const stopSweeper = startHoldSweeper(deps, messenger, log, config.holdSweepSeconds, [paymentSweep]);
  const webchat = await startWebchat({ deps, infrastructure, server, bot, messenger, config, log }, over);
  let stopping: Promise<ShutdownReport> | undefined;
  return {
    deps,
    infrastructure,
    server,
    calendar,
    bot,
    messenger,
    requests,
    events,
    webchat,
    payments,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          resolve(address.port);
        });
      }),
    shutdown: (graceMs = config.shutdownGraceMs) => (stopping ??= shutdown(stopPlan(), { graceMs, log })),
    close: async () => {
      await (stopping ??= shutdown(stopPlan(), { graceMs: config.shutdownGraceMs, log }));
    },
  };

  function stopPlan(): ShutdownPlan {
    return {
      http: drain,
      turns: [bot.turns, webchat.turns],
      stopTimers: stopSweeper,
      closeStreams: (waitMs) => webchat.streams.close(waitMs),
      release: [
        { name: 'booking timers', close: () => requests.close() },
        { name: 'calendar sync', close: () => calendar.sync.stop() },
        { name: 'web chat', close: () => webchat.close() },
        // Connections last: everything above may still write on its way out.
        { name: 'infrastructure', close: () => infrastructure.close() },
        { name: 'event loop watchdog', close: async () => watchdog.stop() },
      ],
    };
  }
}
