import type { FeedParseOutcome } from '../../../domain/calendar/sync-ports';
import type { ParseIcsOptions } from './parse-ics';

/** What crosses the thread boundary: plain data, the body as bytes so it can be transferred, not copied. */
export interface ParseJob {
  id: number;
  body: Uint8Array;
  options: ParseIcsOptions;
}

export interface ParseReply {
  id: number;
  outcome: FeedParseOutcome;
}
