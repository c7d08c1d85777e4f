import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import { ConversationGoneError, type ActivityBatch, type ActivityLog, type ConversationRecord } from './activity-log';
import { fromBot, fromUser, WEBCHAT_CHANNEL_ID, type Participants } from './channel-activity';
import { problem, type DirectLineProblem } from './direct-line-error';
import type { IncomingActivity } from './incoming-activity';
import type { DirectLineTokens, TokenClaims } from './tokens';

export interface DirectLineServiceDeps {
  log: ActivityLog;
  tokens: DirectLineTokens;
  /**
   * Runs the bot's turn for one activity, after earlier turns of its conversation; 'busy' when
   * too many wait. `echo`, when given, is called only once the turn is accepted and before it
   * runs, so a refused activity is never written to the log.
   */
  deliver(activity: Partial<Activity>, echo?: () => Promise<void>): Promise<'done' | 'busy'>;
  properties: { defaultId: string; has(id: string): boolean };
  bot: { id: string; name: string };
  serviceUrl: string;
  logger: Logger;
}

/** Most activities one read returns; a client asks again from the new watermark. */
export const READ_LIMIT = 500;

/** Records are immutable, so a bounded cache saves a store read on every request. */
const RECORD_CACHE_SIZE = 10_000;

export const newOpaqueId = (bytes = 16): string => randomBytes(bytes).toString('base64url');

/** Conversation ids are ours: base64url, so they never need escaping in keys or URLs. */
export const isConversationId = (id: string): boolean => /^[A-Za-z0-9_-]{8,64}$/.test(id);

/**
 * Direct Line's conversations, apart from HTTP: start (and greet), post, read, tell later.
 * The routes and the stream authenticate and then call these.
 */
export class DirectLineService {
  private readonly records = new Map<string, ConversationRecord>();

  constructor(private readonly deps: DirectLineServiceDeps) {}

  get log(): ActivityLog {
    return this.deps.log;
  }

  /** A fresh binding: a new conversation and user of a property. */
  newBinding(propertyId: string, locale: string | undefined): Omit<TokenClaims, 'exp'> {
    return { c: newOpaqueId(), p: propertyId, u: `dl_${newOpaqueId(12)}`, ...(locale ? { l: locale } : {}) };
  }

  hasProperty(id: string): boolean {
    return this.deps.properties.has(id);
  }

  get defaultPropertyId(): string {
    return this.deps.properties.defaultId;
  }

  /**
   * Makes the conversation a token is bound to, once, and has the bot greet in it. Any
   * request of the token may be its first (a client may resume before it ever started).
   */
  async ensureStarted(binding: Omit<TokenClaims, 'exp'>): Promise<{ record: ConversationRecord; created: boolean }> {
    const known = await this.record(binding.c);
    if (known) return { record: known, created: false };
    const record: ConversationRecord = { conversationId: binding.c, propertyId: binding.p, userId: binding.u, locale: binding.l, createdAt: Date.now() };
    const created = await this.deps.log.create(record);
    if (!created) return { record: (await this.record(binding.c)) ?? record, created: false };
    this.remember(record);
    await this.greet(record);
    return { record, created: true };
  }

  async record(conversationId: string): Promise<ConversationRecord | null> {
    const cached = this.records.get(conversationId);
    if (cached) return cached;
    const found = await this.deps.log.get(conversationId);
    if (found) this.remember(found);
    return found;
  }

  /** Echoes the guest's activity into the log, then runs the bot's turn on it; a refused activity leaves the log untouched. */
  async post(record: ConversationRecord, incoming: IncomingActivity): Promise<{ id: string } | DirectLineProblem> {
    const p = this.participants(record, incoming.from?.name);
    const id = `${record.conversationId}|${newOpaqueId(9)}`;
    const { from: _from, ...fields } = incoming;
    const echo = fromUser({ ...fields, locale: incoming.locale ?? record.locale }, p, id, new Date(), this.deps.serviceUrl);
    const forBot = { ...echo, channelData: { ...(incoming.channelData ?? {}), propertyId: record.propertyId } };
    // Echoed once the turn is accepted and before it starts, so it precedes every reply (Web
    // Chat waits for it, matched by channelData.clientActivityID, to mark the message as
    // sent), and a 429 never leaves in the log a message the bot did not receive.
    let echoFailed = false;
    const writeEcho = async (): Promise<void> => {
      try {
        await this.deps.log.append(record.conversationId, [echo]);
      } catch (error) {
        echoFailed = true;
        throw error;
      }
    };
    try {
      const outcome = await this.deps.deliver(forBot, writeEcho);
      if (outcome === 'busy') return problem(429, 'TooManyRequests', 'this conversation already has too many messages waiting for the bot');
    } catch (error) {
      if (echoFailed && error instanceof ConversationGoneError) {
        this.records.delete(record.conversationId);
        return problem(404, 'NotFound', 'this conversation has expired; start a new one');
      }
      // The log could not be written (the store is away): not the conversation's end. The route
      // answers 503 and the guest's client keeps its conversation.
      if (echoFailed) throw error;
      this.deps.logger.error({ conversationId: record.conversationId, activityId: id, err: error instanceof Error ? error.message : 'unknown' }, 'web chat turn failed');
      return problem(502, 'BotError', 'the bot could not process this activity');
    }
    return { id };
  }

  read(conversationId: string, watermark: string | null): Promise<ActivityBatch> {
    return this.deps.log.read(conversationId, watermark, READ_LIMIT);
  }

  /** A message the guest did not ask for (a payment confirmed, a refund): it waits in the log until they come back. */
  async tellLater(conversationId: string, activities: Partial<Activity>[]): Promise<void> {
    const record = await this.record(conversationId);
    if (!record) throw new Error('the web chat conversation has expired');
    const p = this.participants(record);
    const now = new Date();
    await this.deps.log.append(
      conversationId,
      activities.map((a) => fromBot(a, p, `${conversationId}|${newOpaqueId(9)}`, now, this.deps.serviceUrl)),
    );
  }

  private async greet(record: ConversationRecord): Promise<void> {
    const p = this.participants(record);
    const update = fromUser(
      {
        type: 'conversationUpdate',
        membersAdded: [{ id: record.userId, name: '' }],
        locale: record.locale,
        channelData: { propertyId: record.propertyId },
      },
      p,
      `${record.conversationId}|start`,
      new Date(),
      this.deps.serviceUrl,
    );
    try {
      await this.deps.deliver(update);
    } catch (error) {
      this.deps.logger.error({ conversationId: record.conversationId, err: error instanceof Error ? error.message : 'unknown' }, 'web chat greeting failed');
    }
  }

  private participants(record: ConversationRecord, userName?: string): Participants {
    return { conversationId: record.conversationId, user: { id: record.userId, name: userName }, bot: this.deps.bot };
  }

  private remember(record: ConversationRecord): void {
    if (this.records.size >= RECORD_CACHE_SIZE) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
    this.records.set(record.conversationId, record);
  }
}

export { WEBCHAT_CHANNEL_ID };
