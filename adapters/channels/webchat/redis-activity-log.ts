import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';
import { Cluster } from 'ioredis';
import type { RedisClient } from '../../store/redis/context';
import { checkKeyPrefix, escapeKeyPart } from '../../store/redis/keys';
import { ConversationGoneError, conversationRecordSchema, MAX_ACTIVITIES_PER_CONVERSATION, type ActivityBatch, type ActivityLog, type ConversationRecord } from './activity-log';

export interface RedisActivityLogOptions {
  /** The store's connection: the log lives beside the bookings and the bot state. */
  client: RedisClient;
  keyPrefix: string;
  /** How long a conversation outlives its last activity. */
  ttlMs: number;
  /** Reports a failure of the subscriber connection; it reconnects by itself. */
  onError?: (error: Error) => void;
}

/**
 * The web chat log in Redis, so any instance can serve any conversation:
 *
 *   <prefix>dl:{<conversationId>}:a   stream  the activities (field j = JSON), capped
 *   <prefix>dl:{<conversationId>}:m   string  the conversation record (JSON)
 *
 * Both keys of a conversation share its hash tag, so one slot of a Cluster; conversations
 * spread over the slots instead of piling onto their property's. A watermark is a stream id.
 * Appending publishes `<instance> <conversationId>` on `<prefix>dl:appended`; every instance
 * subscribes once (on its own connection, as pub/sub requires) and wakes the streams it
 * serves for that conversation, which then read from their own watermark: a lost or repeated
 * notice costs a read, never an activity.
 */
export class RedisActivityLog implements ActivityLog {
  readonly kind = 'redis' as const;
  private readonly redis: RedisClient;
  private readonly prefix: string;
  private readonly channel: string;
  private readonly instance = randomUUID();
  private readonly events = new EventEmitter();
  private subscriber: RedisClient | null = null;
  private subscribed: Promise<unknown> | null = null;

  constructor(private readonly options: RedisActivityLogOptions) {
    this.redis = options.client;
    this.prefix = `${checkKeyPrefix(options.keyPrefix)}dl:`;
    this.channel = `${this.prefix}appended`;
    this.events.setMaxListeners(0);
  }

  /** The keys of a conversation; for tests and operators. */
  keys(conversationId: string): { activities: string; record: string } {
    const base = `${this.prefix}{${escapeKeyPart(conversationId)}}:`;
    return { activities: `${base}a`, record: `${base}m` };
  }

  async create(record: ConversationRecord): Promise<boolean> {
    const created = await this.redis.set(this.keys(record.conversationId).record, JSON.stringify(record), 'PX', this.options.ttlMs, 'NX');
    return created === 'OK';
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const json = await this.redis.get(this.keys(conversationId).record);
    if (json === null) return null;
    try {
      const parsed = conversationRecordSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async append(conversationId: string, activities: Partial<Activity>[]): Promise<string> {
    const keys = this.keys(conversationId);
    const tx = this.redis.multi();
    for (const activity of activities) tx.xadd(keys.activities, 'MAXLEN', '~', MAX_ACTIVITIES_PER_CONVERSATION, '*', 'j', JSON.stringify(activity));
    tx.pexpire(keys.activities, this.options.ttlMs);
    // Answers 0 when the record has expired: the late message is undone below, not kept alone.
    tx.pexpire(keys.record, this.options.ttlMs);
    const results = await tx.exec();
    if (!results) throw new Error('activity log transaction aborted');
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
    const recordKept = results[results.length - 1]?.[1];
    if (recordKept !== 1) {
      await this.redis.del(keys.activities);
      throw new ConversationGoneError();
    }
    const last = results[activities.length - 1]?.[1];
    this.events.emit(conversationId);
    await this.redis.publish(this.channel, `${this.instance} ${conversationId}`);
    return typeof last === 'string' ? last : '';
  }

  async read(conversationId: string, after: string | null, limit: number): Promise<ActivityBatch> {
    const entries = await this.redis.xrange(this.keys(conversationId).activities, after === null ? '-' : `(${after}`, '+', 'COUNT', limit);
    const activities: Partial<Activity>[] = [];
    for (const [, fields] of entries) {
      const json = fields[1];
      if (typeof json === 'string') activities.push(JSON.parse(json) as Partial<Activity>);
    }
    const lastId = entries[entries.length - 1]?.[0];
    return { activities, watermark: lastId ?? after ?? undefined };
  }

  isWatermark(value: string): boolean {
    return /^\d{1,15}-\d{1,10}$/.test(value);
  }

  watch(conversationId: string, changed: () => void): () => void {
    this.ensureSubscribed();
    this.events.on(conversationId, changed);
    return () => this.events.off(conversationId, changed);
  }

  /** Resolves once this instance hears other instances' appends; for tests and startup. */
  async ready(): Promise<void> {
    this.ensureSubscribed();
    await this.subscribed;
  }

  /** Whether the subscriber connection is up: without it, replies made on other instances arrive only on the next poll. */
  subscriberReady(): boolean {
    return this.subscriber?.status === 'ready';
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
    const sub = this.subscriber;
    this.subscriber = null;
    if (!sub) return;
    try {
      await sub.quit();
    } catch {
      sub.disconnect();
    }
  }

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    // Its own queue while it connects: the store's connection may refuse commands until ready.
    const sub: RedisClient = this.redis instanceof Cluster ? this.redis.duplicate(undefined, { enableOfflineQueue: true }) : this.redis.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
    this.subscriber = sub;
    sub.on('error', (error: Error) => this.options.onError?.(error));
    sub.on('message', (_channel: string, message: string) => {
      const space = message.indexOf(' ');
      if (space < 0 || message.slice(0, space) === this.instance) return;
      this.events.emit(message.slice(space + 1));
    });
    this.subscribed = sub.subscribe(this.channel).catch((error: unknown) => this.options.onError?.(error instanceof Error ? error : new Error(String(error))));
  }
}
