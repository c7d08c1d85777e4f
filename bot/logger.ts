import path from 'node:path';
import { ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Level, type LevelWithSilent, type Logger, type StreamEntry } from 'pino';

/**
 * Guest data is personal data: log booking, guest and conversation ids, never names, emails,
 * phone numbers, tokens, signatures or bodies. The redaction list and the serializers below are
 * the safety net for a field that slips through; the test suite checks every line it writes.
 */

export const REDACTED = '[redacted]';

/** Field names whose value never reaches a log, at any of the depths below. */
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

/** pino's redact wildcard `*` stands for exactly one level, so each key is listed at depths 0 to 3. */
const MAX_DEPTH = 3;
const segment = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
export const REDACT_PATHS: readonly string[] = SENSITIVE_KEYS.flatMap((key) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => `${'.*'.repeat(depth)}${segment(key)}`.replace(/^\./, '')),
);

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
  err: pino.stdSerializers.err,
  req: requestSummary,
  request: requestSummary,
  res: responseSummary,
  response: responseSummary,
  // restify logs what an async handler resolved with under `value`; a response object must not go out whole.
  value: responseSummary,
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
  const options = { base: { service: 'majordome' }, redact: { paths: [...REDACT_PATHS], censor: REDACTED }, serializers };
  const captureDir = process.env[LOG_CAPTURE_ENV];
  if (!captureDir) return destination ? pino({ ...options, level }, destination) : pino({ ...options, level });
  const captureLevel: Level = level === 'trace' ? 'trace' : 'debug';
  const streams: StreamEntry[] = [{ level: captureLevel, stream: captureDestination(captureDir) }];
  if (level !== 'silent') streams.push({ level, stream: destination ?? pino.destination(1) });
  return pino({ ...options, level: captureLevel }, pino.multistream(streams));
}

export type { Logger };
