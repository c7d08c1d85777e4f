import type { Server as HttpServer } from 'node:http';
import type { Activity } from 'botbuilder';
import type { Request, Server } from 'restify';
import type { ActivityLog, ConversationRecord } from '../adapters/channels/webchat/activity-log';
import { DirectLineBotAdapter } from '../adapters/channels/webchat/direct-line-bot-adapter';
import { registerDirectLineRoutes } from '../adapters/channels/webchat/direct-line-routes';
import { DirectLineService, newOpaqueId, WEBCHAT_CHANNEL_ID, type DirectLineServiceDeps } from '../adapters/channels/webchat/direct-line-service';
import { DirectLineStreams } from '../adapters/channels/webchat/direct-line-stream';
import { originOf, OriginPolicy } from '../adapters/channels/webchat/origins';
import { DirectLineTokens } from '../adapters/channels/webchat/tokens';
import { registerWebchatTokenRoute } from '../adapters/channels/webchat/webchat-token-route';
import { WebchatSender } from '../adapters/channels/webchat/webchat-sender';
import type { UseCaseDeps } from '../domain/usecases/deps';
import type { BotRuntime } from './bot-runtime';
import type { Config } from './config';
import type { Infrastructure } from './infrastructure/infrastructure';
import { clientAddress, publicOrigin, trustedProxies } from './http/client-address';
import type { Logger } from './logger';
import type { ProactiveGuestMessenger } from './proactive/guest-messenger';
import { createTurnErrorHandler } from './turn-error';
import { TURN_ERROR_TEXT, turnErrorLocale } from './turn-error-text';
import { TurnQueue } from './turn-queue';
import type { WebchatConfig } from './webchat-config';

export interface Webchat {
  service: DirectLineService;
  log: ActivityLog;
  tokens: DirectLineTokens;
  streams: DirectLineStreams;
  origins: OriginPolicy;
  /** The web chat's bot turns, one conversation at a time; a shutdown waits for them. */
  turns: TurnQueue;
  close(): Promise<void>;
}

export interface WebchatOverrides {
  /** Default: read from the environment (DIRECT_LINE_SECRET, WEBCHAT_ALLOWED_ORIGINS, …). */
  webchatConfig?: WebchatConfig;
}

export interface WebchatWiring {
  deps: UseCaseDeps;
  infrastructure: Infrastructure;
  server: Server;
  bot: BotRuntime;
  messenger: ProactiveGuestMessenger;
  config: Config;
  log: Logger;
}

/** The bot's account in web chat conversations. */
const BOT_ACCOUNT = { id: 'majordome', name: 'Majordome' };

/** Pages of this deployment, and of this machine on the port the server really listens on. */
function defaultOrigins(config: Config, server: Server): () => ReadonlySet<string> {
  const own = originOf(config.publicBaseUrl);
  return () => {
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    return new Set([own, `http://localhost:${port}`, `http://127.0.0.1:${port}`].filter((o): o is string => o !== null));
  };
}

/** ws:// or wss:// on the host the client reached us by (X-Forwarded-* count from TRUST_PROXY's proxies only). */
function streamBaseOf(config: Config): (req: Request) => string {
  const publicUrl = new URL(config.publicBaseUrl);
  const trusted = trustedProxies(config.trustProxy);
  return (req) => {
    const { protocol, host } = publicOrigin(req, trusted, publicUrl);
    return `${protocol === 'https' ? 'wss' : 'ws'}://${host}`;
  };
}

/**
 * Web chat turns through the conversation's queue. The echo is written only once the queue
 * accepts the turn (never for a 429) and the turn waits for it, so the echo precedes the replies.
 */
export function queuedDelivery(queue: TurnQueue, process: (activity: Partial<Activity>) => Promise<void>): DirectLineServiceDeps['deliver'] {
  return async (activity, echo) => {
    const turn = queue.runAfter(`${WEBCHAT_CHANNEL_ID}/${activity.conversation?.id ?? ''}`, echo ?? (async () => undefined), () => process(activity));
    if (!turn) return 'busy';
    await turn.turn;
    return 'done';
  };
}

/**
 * Web chat: our own Direct Line 3.0 (REST and WebSocket stream), the widget's token endpoint,
 * and the in-process delivery of the bot's turns into each conversation's log, which lives in
 * the store (Redis when configured, so any instance serves any conversation).
 */
export async function startWebchat(wiring: WebchatWiring, over: WebchatOverrides = {}): Promise<Webchat> {
  const { deps, server, bot, messenger, config, log, infrastructure } = wiring;
  const wc = over.webchatConfig ?? config.webchat;
  const activityLog: ActivityLog = infrastructure.activityLog;
  if (infrastructure.kind !== 'memory' && wc.secret === null) {
    log.warn('DIRECT_LINE_SECRET is not set: web chat tokens are valid on this instance only; set it when several instances share the store');
  }
  const tokens = new DirectLineTokens(wc.secret, wc.tokenTtlSeconds, () => deps.clock.now().getTime());
  const serviceUrl = `${config.publicBaseUrl}/v3/directline`;
  const adapter = new DirectLineBotAdapter(activityLog, BOT_ACCOUNT, serviceUrl, () => newOpaqueId(9));
  adapter.onTurnError = createTurnErrorHandler({ conversationState: bot.conversationState, log });
  const queue = new TurnQueue();
  const service = new DirectLineService({
    log: activityLog,
    tokens,
    deliver: queuedDelivery(queue, (activity) => adapter.processActivity(activity, (context) => bot.run(context))),
    properties: { defaultId: bot.defaultPropertyId, has: (id) => deps.catalog.get(id) !== undefined },
    bot: BOT_ACCOUNT,
    serviceUrl,
    logger: log,
  });
  const origins = new OriginPolicy(wc.allowedOrigins ? (() => { const fixed = new Set(wc.allowedOrigins); return () => fixed; })() : defaultOrigins(config, server));
  const postLimiter = infrastructure.rateLimiter({ name: 'webchat-posts', points: wc.messagesPerMinute, durationSeconds: 60 });
  const tellTooFast = (record: ConversationRecord) =>
    service.tellLater(record.conversationId, [{ type: 'message', text: TURN_ERROR_TEXT.tooFast[turnErrorLocale(record.locale)] }]);
  registerDirectLineRoutes(server, { service, tokens, secret: wc.secret, origins, streamBase: streamBaseOf(config), postLimiter, tellTooFast, logger: log });
  const proxies = trustedProxies(config.trustProxy);
  const tokenLimiter = infrastructure.rateLimiter({ name: 'webchat-tokens', points: wc.tokenRatePerMinute, durationSeconds: 60 });
  registerWebchatTokenRoute(server, { service, tokens, origins, limiter: tokenLimiter, clientAddress: (req) => clientAddress(req, proxies), logger: log });
  const streams = new DirectLineStreams({ service, tokens, secret: wc.secret, origins, logger: log });
  streams.attach(server.server as HttpServer);
  messenger.register(WEBCHAT_CHANNEL_ID, new WebchatSender(service));
  return {
    service,
    log: activityLog,
    tokens,
    streams,
    origins,
    turns: queue,
    // The log belongs to the infrastructure, which closes it with the connections.
    close: () => streams.close(),
  };
}
