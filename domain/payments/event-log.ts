/**
 * Provider event ids already handled, so a replayed or duplicated webhook does nothing. Settling
 * is idempotent anyway (receipts are keyed by checkout); this spares the work and the log noise.
 */
export interface ProcessedEvents {
  /** Claims an id for processing; false when it is handled or being handled elsewhere. */
  claim(eventId: string): Promise<boolean>;
  /** Remembers a handled id for `retentionMs` (longer than the provider retries). */
  done(eventId: string): Promise<void>;
  /** Processing failed: let the provider's retry through. */
  release(eventId: string): Promise<void>;
}
