import type { ConversationState, Storage, TurnContext, UserState } from 'botbuilder';
import type { Server } from 'restify';
import type { UseCaseDeps } from '../domain/usecases/deps';
import { createBotAuthentication, MajordomeAdapter } from './bot-adapter';
import { BotConfigError, type BotConfig } from './bot-config';
import { ETagConversationState, ETagUserState } from './etag-state';
import { messagesHandler } from './http/messages-route';
import { oncePerActivity } from './once-per-activity';
import type { ProcessedEvents } from '../domain/payments/event-log';
import type { Logger } from './logger';
import { MajordomeBot, type BotOptions } from './majordome-bot';
import { createTurnErrorHandler } from './turn-error';
import { TurnQueue } from './turn-queue';

/** What handles a turn: MajordomeBot, or the echo bot the benchmark measures as its ceiling. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

/** What the runtime builds itself; the composition root supplies the rest of BotOptions. */
type RuntimeBuilt = 'deps' | 'log' | 'conversationState' | 'userState' | 'defaultPropertyId';

export interface BotRuntimeOptions {
  deps: UseCaseDeps;
  config: BotConfig;
  log: Logger;
  /** The bot's services picked by the composition root: notifier, payments, understanding. */
  services: Omit<BotOptions, RuntimeBuilt>;
  /** Default: a MajordomeBot. Tests and the benchmark's echo ceiling build another bot on the same wiring. */
  createBot?: (options: BotOptions) => TurnHandler;
  /** Where conversation and user state live: the infrastructure's bot storage. */
  storage: Storage;
  /** Guest messages already handled, so a redelivered one runs once; default: none remembered. */
  deliveries?: ProcessedEvents;
}

export interface BotRuntime {
  adapter: MajordomeAdapter;
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  bot: TurnHandler;
  /** The bot's turn as every channel must run it: each guest message once, however often delivered. */
  run(context: TurnContext): Promise<void>;
  defaultPropertyId: string;
  /** True without app credentials: /api/messages admits loopback only. */
  loopbackOnly: boolean;
  /** The turns of POST /api/messages, one conversation at a time; a shutdown waits for them. */
  turns: TurnQueue;
  /** Registers POST `path` (default /api/messages) on the server. */
  register(server: Server, path?: string): void;
}

export const MESSAGES_PATH = '/api/messages';

function pickDefaultProperty(deps: UseCaseDeps, wanted: string | null): string {
  const ids = deps.catalog.list().map((p) => p.id);
  if (wanted === null) {
    const first = ids[0];
    if (first === undefined) throw new BotConfigError('the catalogue has no property for the bot to serve');
    return first;
  }
  if (!deps.catalog.get(wanted)) throw new BotConfigError(`invalid environment:\nDEFAULT_PROPERTY_ID: no property "${wanted}" in the catalogue (${ids.join(', ')})`);
  return wanted;
}

/** The Bot Framework side of the app: adapter, state on the store, the bot, and its route. */
export function createBotRuntime(options: BotRuntimeOptions): BotRuntime {
  const { deps, config, log } = options;
  const defaultPropertyId = pickDefaultProperty(deps, config.defaultPropertyId);
  const storage = options.storage;
  const conversationState = new ETagConversationState(storage);
  const userState = new ETagUserState(storage);
  const botOptions: BotOptions = { ...options.services, deps, log, conversationState, userState, defaultPropertyId };
  const bot = options.createBot ? options.createBot(botOptions) : new MajordomeBot(botOptions);

  const adapter = new MajordomeAdapter(createBotAuthentication(config.credentials));
  adapter.onTurnError = createTurnErrorHandler({ conversationState, log });
  const loopbackOnly = config.credentials === null;
  const queue = new TurnQueue();
  const run = options.deliveries ? oncePerActivity(options.deliveries, (context) => bot.run(context), log) : (context: TurnContext) => bot.run(context);
  const handler = messagesHandler({ adapter, logic: run, queue, log, loopbackOnly });

  return {
    adapter,
    storage,
    conversationState,
    userState,
    bot,
    run,
    defaultPropertyId,
    loopbackOnly,
    turns: queue,
    register: (server, path = MESSAGES_PATH) => {
      server.post(path, handler);
    },
  };
}

/** What tests and the benchmark may swap when they create the app. */
export interface BotOverrides {
  /** Default: read from the environment (MicrosoftAppId, BOT_STATE_TTL_DAYS, DEFAULT_PROPERTY_ID, …). */
  botConfig?: BotConfig;
  createBot?: BotRuntimeOptions['createBot'];
}
