import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** What a conversation was started with; never changes afterwards. Ids only, no guest data. */
export interface ConversationRecord {
  conversationId: string;
  propertyId: string;
  userId: string;
  /** The page's language when the conversation was made, if it said. */
  locale?: string | undefined;
  /** Epoch ms. */
  createdAt: number;
}

export const conversationRecordSchema = z.object({
  conversationId: z.string(),
  propertyId: z.string(),
  userId: z.string(),
  locale: z.string().optional(),
  createdAt: z.number(),
});

export interface ActivityBatch {
  activities: Partial<Activity>[];
  /** Where the next read starts; the one given when nothing is new. */
  watermark: string | undefined;
}

/**
 * One conversation's activities, in order: the guest's echoed messages, the bot's replies and
 * the messages sent while the guest was away. A client reads from its watermark, which only
 * the log interprets.
 */
export interface ActivityLog {
  readonly kind: 'memory' | 'redis';
  /** Records a new conversation; false when it already exists (another request, another instance). */
  create(record: ConversationRecord): Promise<boolean>;
  get(conversationId: string): Promise<ConversationRecord | null>;
  /** Appends in order and returns the watermark after the last one. */
  append(conversationId: string, activities: Partial<Activity>[]): Promise<string>;
  /** Activities after `after` (null: from the start), at most `limit`. */
  read(conversationId: string, after: string | null, limit: number): Promise<ActivityBatch>;
  /** A watermark this log could have issued (format only). */
  isWatermark(value: string): boolean;
  /** Calls `changed` after activities are appended to the conversation, here or on another instance. */
  watch(conversationId: string, changed: () => void): () => void;
  close(): Promise<void>;
}

/** The log keeps this many recent activities of a conversation; a guest never scrolls further back. */
export const MAX_ACTIVITIES_PER_CONVERSATION = 1000;

/** The conversation's record has expired (or never was): an append to it is refused, not kept alone. */
export class ConversationGoneError extends Error {
  constructor() {
    super('no such conversation');
    this.name = 'ConversationGoneError';
  }
}
