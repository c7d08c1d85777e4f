import path from 'node:path';
import { ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Level, type LevelWithSilent, type Logger, type StreamEntry } from 'pino';

/**
 * Guest data is personal data: log booking, guest and conversation ids, never names, emails,
 * phone numbers, tokens, signatures or bodies. The redaction below (any field named in
 * SENSITIVE_KEYS, at any depth) and the serializers are the safety net for a field that slips
 * through; the test suite checks every line it writes.
 */

export const REDACTED = '[redacted]';

/** Field names (compared without case) whose value never reaches a log, at any depth. */
const SENSITIVE_KEYS = [
  // credentials and cookies
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  // provider signatures, and our own staff webhook's
  'stripe-signature',
  'x-hub-signature',
  'x-hub-signature-256',
  'x-twilio-signature',
  'x-majordome-signature-256',
  'signature',
  'sig',
  // tokens and secrets
  'token',
  'access_token',
  'refresh_token',
  'verify_token',
  'hub.verify_token',
  'secret',
  'client_secret',
  'webhookSecret',
  'secretKey',
  'appPassword',
  'password',
  // bodies: a webhook or activity body holds guest data and, for Stripe, the signed payload
  'body',
  'rawBody',
  'payload',
  'text',
  // personal fields
  'name',
  'email',
  'phone',
  'guest',
];

const SENSITIVE = new Set(SENSITIVE_KEYS.map((k) => k.toLowerCase()));

/** Nesting a log line may have before the rest is cut: ids sit near the top. */
const MAX_DEPTH = 8;

const isPlain = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of a log object with every sensitive field censored, at any depth and in arrays.
 * pino's own `redact` paths take `*` for exactly one level, and each wildcard level costs about
 * 35 µs a line here (four levels of this list: 150 µs, against 2 µs for the line itself); this
 * walk costs about one microsecond and has no depth blind spot. Plain objects, arrays and errors
 * are walked; another class instance (a request, a response) goes to its serializer below.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item, depth + 1));
  if (value instanceof Error) return redact({ ...pino.stdSerializers.err(value) }, depth);
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = SENSITIVE.has(key.toLowerCase()) ? REDACTED : redact(field, depth + 1);
  return out;
}

/** A request is logged by its method and route pattern: a URL may carry a token (calendar exports, pay links). */
function requestSummary(req: unknown): unknown {
  if (typeof req !== 'object' || req === null) return req;
  const r = req as { method?: unknown; getRoute?: () => { path?: unknown } | undefined };
  const route = typeof r.getRoute === 'function' ? r.getRoute()?.path : undefined;
  return { method: typeof r.method === 'string' ? r.method : undefined, ...(route !== undefined ? { route: String(route) } : {}) };
}

/** A response is logged by its status: the object itself holds the request, headers and all. */
function responseSummary(res: unknown): unknown {
  return res instanceof ServerResponse ? { statusCode: res.statusCode } : res;
}

const serializers = {
  // An error's own fields (a Stripe error's `payload` and `header`, say) are walked too.
  err: (err: unknown) => redact(err),
  req: requestSummary,
  request: requestSummary,
  res: responseSummary,
  response: responseSummary,
  // restify logs what an async handler resolved with under `value`; a response object must not go out whole.
  value: (value: unknown) => redact(responseSummary(value)),
};

/**
 * Tests set this to a folder: every logger then also writes every line, from `debug` up, to a
 * file there, whatever its own level, so that the suite can check all it logged for secrets
 * (test/support/log-capture.ts). Unset in production.
 */
export const LOG_CAPTURE_ENV = 'MAJORDOME_LOG_CAPTURE';

let captureStream: { dir: string; stream: DestinationStream } | null = null;
function captureDestination(dir: string): DestinationStream {
  if (captureStream?.dir !== dir) {
    // Synchronous: a test worker may exit right after its last line.
    captureStream = { dir, stream: pino.destination({ dest: path.join(dir, `${process.pid}.log`), append: true, mkdir: true, sync: true }) };
  }
  return captureStream.stream;
}

/** `destination` defaults to stdout; tests pass a stream to read the lines back. */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = {
    base: { service: 'majordome' },
    formatters: { log: (object: Record<string, unknown>) => redact(object) as Record<string, unknown> },
    // A child logger's bindings skip `formatters.log`; pino's own redaction covers their top-level
    // fields, at no cost worth measuring since it has no wildcard.
    redact: { paths: SENSITIVE_KEYS.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `[${JSON.stringify(k)}]`)), censor: REDACTED },
    serializers,
  };
  const captureDir = process.env[LOG_CAPTURE_ENV];
  if (!captureDir) return destination ? pino({ ...options, level }, destination) : pino({ ...options, level });
  const captureLevel: Level = level === 'trace' ? 'trace' : 'debug';
  const streams: StreamEntry[] = [{ level: captureLevel, stream: captureDestination(captureDir) }];
  if (level !== 'silent') streams.push({ level, stream: destination ?? pino.destination(1) });
  return pino({ ...options, level: captureLevel }, pino.multistream(streams));
}

export type { Logger };
