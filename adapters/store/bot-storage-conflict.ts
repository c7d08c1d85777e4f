/** Thirty days: a guest who comes back within a month picks up where they left off. */
export const DEFAULT_BOT_STATE_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * A write whose eTag is not the stored one: another turn (maybe on another instance) saved
 * first. The message is the one botbuilder's MemoryStorage gives for the same refusal.
 */
export class BotStorageConflictError extends Error {
  readonly code = 'etag_conflict';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'EtagConflictError';
  }
}
