import type { FeedParseOutcome, FeedParser, FeedParseRequest } from '../../../domain/calendar/sync-ports';
import { decodeBody } from './decode-body';
import { parseIcsFeed } from './parse-ics';
import { IcsParsePool } from './parse-pool';

export interface IcsFeedParserOptions {
  /**
   * Bodies smaller than this are parsed on the calling thread: a few dozen events take less
   * than a millisecond, less than a round trip to a worker. Bigger ones (node-ical needs
   * ~100–380 ms for 5,000 events) go to the pool so conversations keep flowing.
   */
  inlineBelowBytes?: number;
  pool?: IcsParsePool;
}

export const DEFAULT_INLINE_BELOW_BYTES = 32 * 1024;

export interface IcsFeedParser extends FeedParser {
  readonly pool: IcsParsePool;
  close(): Promise<void>;
}

export function createIcsFeedParser(options: IcsFeedParserOptions = {}): IcsFeedParser {
  const pool = options.pool ?? new IcsParsePool();
  const inlineBelow = options.inlineBelowBytes ?? DEFAULT_INLINE_BELOW_BYTES;
  return {
    pool,
    async parse(req: FeedParseRequest): Promise<FeedParseOutcome> {
      const opts = { timeZone: req.timeZone, range: req.range, rules: req.rules };
      if (req.body.byteLength < inlineBelow) return parseIcsFeed(decodeBody(req.body), opts);
      return pool.parse(req.body, opts);
    },
    close: () => pool.close(),
  };
}
