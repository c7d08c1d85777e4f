import type { Storage, StoreItems } from 'botbuilder';
import { BotStorageConflictError, DEFAULT_BOT_STATE_TTL_MS } from '../bot-storage-conflict';

export interface MemoryBotStorageOptions {
  /** How long an item lives after its last write. */
  ttlMs?: number;
  /** Epoch ms; injectable so expiry can be tested without waiting. */
  now?: () => number;
}

interface Entry {
  json: string;
  eTag: string;
  expiresAt: number;
}

/** Sweep the whole map once every this many writes, so expiry costs O(1) amortised per write. */
const SWEEP_EVERY_WRITES = 1000;

/**
 * Conversation and user state for the memory store (botbuilder `Storage`).
 *
 * Unlike botbuilder's `MemoryStorage`, a write of several items is checked as a whole before
 * anything is saved (its `MemoryStorage` saves the items before the conflicting one), an eTag
 * given for an item that no longer exists is a conflict (the state it was read from is gone,
 * e.g. cleared after an error), and items expire like the Redis ones. A successful write puts
 * the new eTag on the written item, so a second save in the same turn is not a self-conflict.
 */
export class MemoryBotStorage implements Storage {
  private readonly items = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private version = 0;
  private writesSinceSweep = 0;

  constructor(options: MemoryBotStorageOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_BOT_STATE_TTL_MS;
    this.now = options.now ?? Date.now;
    if (!(this.ttlMs > 0)) throw new Error('MemoryBotStorage: ttlMs must be positive');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      // Parsed afresh on every read: BotState mutates what it gets, the stored copy must not change.
      if (entry) out[key] = { ...(JSON.parse(entry.json) as object), eTag: entry.eTag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const keys = Object.keys(changes);
    for (const key of keys) {
      const item: unknown = changes[key];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new TypeError(`Storage: item "${key}" must be an object`);
      const expected = eTagOf(item);
      if (expected !== null && this.live(key)?.eTag !== expected) throw new BotStorageConflictError(key);
    }
    const expiresAt = this.now() + this.ttlMs;
    for (const key of keys) {
      const item = changes[key] as Record<string, unknown>;
      const { eTag: _ignored, ...data } = item;
      const eTag = String(++this.version);
      this.items.set(key, { json: JSON.stringify(data), eTag, expiresAt });
      item.eTag = eTag;
    }
    this.writesSinceSweep += keys.length;
    if (this.writesSinceSweep >= SWEEP_EVERY_WRITES) this.sweep();
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  /** Items currently held (expired ones included until swept); for tests. */
  get size(): number {
    return this.items.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.items.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.items.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    this.writesSinceSweep = 0;
    const now = this.now();
    for (const [key, entry] of this.items) if (entry.expiresAt <= now) this.items.delete(key);
  }
}

/** The eTag a write must match, or null for an unconditional write (`*`, empty or none). */
export function eTagOf(item: object): string | null {
  const eTag: unknown = Reflect.get(item, 'eTag');
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : null;
}
