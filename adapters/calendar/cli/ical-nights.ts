/**
 * `npm run --silent ical:nights -- <file-or-url> [--tz Europe/Paris] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--all-day-end last-night]`
 *
 * Prints the nights one feed blocks as a sorted JSON array of YYYY-MM-DD, exactly as the
 * importer would block them: same checks, same rules, same window (today in the zone and
 * two years ahead unless told). A feed the importer would refuse makes it say why on stderr
 * and exit 1, so a host can check a feed before adding it.
 */
import { readFile, stat } from 'node:fs/promises';
import { ALL_DAY_END_MODES, type AllDayEnd } from '../../../domain/calendar/event-nights';
import type { FeedProblem } from '../../../domain/calendar/feed-problem';
import { addDays, dateIn, isNight, isValidTimeZone } from '../../../domain/calendar/nights';
import { DEFAULT_FEED_SYNC_SETTINGS } from '../../../domain/usecases/import-feed';
import { createHttpFeedFetcher } from '../http/http-feed-fetcher';
import { createIcsFeedParser } from '../ical/ics-feed-parser';

const USAGE = 'usage: ical:nights <file-or-url> [--tz Europe/Paris] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--all-day-end departure|last-night]';
const MAX_BYTES = 5_000_000;

interface Args {
  source: string;
  timeZone: string;
  from: string | null;
  to: string | null;
  allDayEnd: AllDayEnd;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { source: '', timeZone: 'UTC', from: null, to: null, allDayEnd: 'departure' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--tz') args.timeZone = value();
    else if (arg === '--from') args.from = value();
    else if (arg === '--to') args.to = value();
    else if (arg === '--all-day-end') {
      const v = value();
      if (!(ALL_DAY_END_MODES as readonly string[]).includes(v)) throw new UsageError(`--all-day-end must be ${ALL_DAY_END_MODES.join(' or ')}`);
      args.allDayEnd = v as AllDayEnd;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (args.source) throw new UsageError('give one file or URL');
    else args.source = arg;
  }
  if (!args.source) throw new UsageError('give a file or URL');
  if (!isValidTimeZone(args.timeZone)) throw new UsageError(`--tz: unknown time zone "${args.timeZone}"`);
  for (const [name, v] of [['--from', args.from], ['--to', args.to]] as const) {
    if (v !== null && !isNight(v)) throw new UsageError(`${name}: expected a date YYYY-MM-DD, got "${v}"`);
  }
  return args;
}

class FeedError extends Error {
  constructor(readonly problem: FeedProblem) {
    super(problem.message);
  }
}

async function load(source: string): Promise<Uint8Array> {
  if (/^https?:\/\//i.test(source)) {
    const fetched = await createHttpFeedFetcher({ attempts: 2, backoffMs: 500, maxBytes: MAX_BYTES }).fetch({ url: source, etag: null, lastModified: null });
    if (fetched.kind === 'failed') throw new FeedError(fetched.problem);
    if (fetched.kind === 'not_modified') throw new FeedError({ code: 'http_error', message: 'the server answered 304 to an unconditional request', status: 304 });
    return fetched.body;
  }
  const info = await stat(source);
  if (info.size > MAX_BYTES) throw new FeedError({ code: 'too_large', message: `the file is ${info.size} bytes, over the ${MAX_BYTES}-byte limit` });
  return readFile(source);
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ical:nights: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const from = args.from ?? dateIn(args.timeZone, new Date());
  const to = args.to ?? addDays(from, DEFAULT_FEED_SYNC_SETTINGS.horizonDays);
  if (to <= from) {
    process.stderr.write(`ical:nights: --to must be after --from\n${USAGE}\n`);
    return 2;
  }
  const parser = createIcsFeedParser();
  try {
    const body = await load(args.source);
    const rules = { allDayEnd: args.allDayEnd, nightStarts: DEFAULT_FEED_SYNC_SETTINGS.nightStarts, nightEnds: DEFAULT_FEED_SYNC_SETTINGS.nightEnds };
    const parsed = await parser.parse({ body, timeZone: args.timeZone, range: { from, to }, rules });
    if (!parsed.ok) throw new FeedError(parsed.problem);
    process.stdout.write(`${JSON.stringify(parsed.blocks.map((b) => b.night))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof FeedError) {
      process.stderr.write(`ical:nights: ${args.source} cannot be trusted (${error.problem.code}): ${error.problem.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`ical:nights: cannot read ${args.source} (${code})\n`);
      return 1;
    }
    throw error;
  } finally {
    await parser.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ical:nights: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
