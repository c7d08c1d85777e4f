/**
 * Why a feed could not be trusted this time. The importer then keeps the feed's last good
 * blocks: a broken download must never read as "the host freed every night".
 */
export const FEED_PROBLEM_CODES = [
  'http_error',
  'network',
  'timeout',
  'too_large',
  'html',
  'not_calendar',
  'truncated',
  'malformed',
  'invalid_date',
  'unsupported',
] as const;
export type FeedProblemCode = (typeof FEED_PROBLEM_CODES)[number];

export interface FeedProblem {
  code: FeedProblemCode;
  /** For the host and the staff: what is wrong, with ids and dates, never event titles. */
  message: string;
  /** The HTTP status, when the problem came from the server's answer. */
  status?: number;
}

export const problem = (code: FeedProblemCode, message: string, status?: number): FeedProblem =>
  status === undefined ? { code, message } : { code, message, status };
