import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';
import { ConversationGoneError, MAX_ACTIVITIES_PER_CONVERSATION, type ActivityBatch, type ActivityLog, type ConversationRecord } from './activity-log';

interface Conversation {
  record: ConversationRecord;
  activities: Partial<Activity>[];
  /** Activities trimmed from the front: watermarks stay absolute positions. */
  dropped: number;
  touchedAt: number;
}

/** Sweep idle conversations at most this often: amortised O(1) per write. */
const SWEEP_EVERY_MS = 60_000;

/** The embedded default: one process, conversations forgotten after `ttlMs` idle. */
export class MemoryActivityLog implements ActivityLog {
  readonly kind = 'memory' as const;
  private readonly conversations = new Map<string, Conversation>();
  private readonly events = new EventEmitter();
  private lastSweep = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // One listener per open stream; many guests at once are normal, not a leak.
    this.events.setMaxListeners(0);
  }

  async create(record: ConversationRecord): Promise<boolean> {
    this.sweep();
    if (this.live(record.conversationId)) return false;
    this.conversations.set(record.conversationId, { record, activities: [], dropped: 0, touchedAt: this.now() });
    return true;
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    return this.live(conversationId)?.record ?? null;
  }

  async append(conversationId: string, activities: Partial<Activity>[]): Promise<string> {
    const c = this.live(conversationId);
    if (!c) throw new ConversationGoneError();
    c.activities.push(...activities);
    const excess = c.activities.length - MAX_ACTIVITIES_PER_CONVERSATION;
    if (excess > 0) {
      c.activities.splice(0, excess);
      c.dropped += excess;
    }
    c.touchedAt = this.now();
    if (activities.length) queueMicrotask(() => this.events.emit(conversationId));
    return String(c.dropped + c.activities.length);
  }

  async read(conversationId: string, after: string | null, limit: number): Promise<ActivityBatch> {
    const c = this.live(conversationId);
    if (!c) return { activities: [], watermark: after ?? undefined };
    const from = Math.max(0, (after === null ? 0 : Number(after)) - c.dropped);
    const activities = c.activities.slice(from, from + limit);
    if (activities.length === 0) return { activities, watermark: after ?? undefined };
    return { activities, watermark: String(c.dropped + from + activities.length) };
  }

  isWatermark(value: string): boolean {
    return /^\d{1,15}$/.test(value);
  }

  watch(conversationId: string, changed: () => void): () => void {
    this.events.on(conversationId, changed);
    return () => this.events.off(conversationId, changed);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }

  private live(conversationId: string): Conversation | undefined {
    const c = this.conversations.get(conversationId);
    if (c && this.now() - c.touchedAt > this.ttlMs) {
      this.conversations.delete(conversationId);
      return undefined;
    }
    return c;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [id, c] of this.conversations) if (now - c.touchedAt > this.ttlMs) this.conversations.delete(id);
  }
}
