import type { Request } from 'restify';
import { charsetRefusal, parseMediaType } from '../../adapters/http/media-type';

/**
 * Reads a request body into memory, up to a limit, for one route. The server installs no
 * global body parser on purpose: webhook routes (Stripe, Messenger, Twilio) must verify
 * signatures over the exact bytes, so each route reads its own body. The bytes stay on
 * `req.rawBody` for anything that needs them afterwards.
 */

export type BodyProblem = { status: 400 | 413 | 415; code: string; reason: string };
export type BodyResult = { ok: true; raw: Buffer } | { ok: false; problem: BodyProblem };

export interface RawBodyOptions {
  maxBytes: number;
  /** Content types accepted when the header is present (compared without parameters). */
  contentTypes: (type: string) => boolean;
}

export const isJsonContentType = (type: string): boolean => type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);

export async function readRawBody(req: Request, options: RawBodyOptions): Promise<BodyResult> {
  const fail = (status: BodyProblem['status'], code: string, reason: string): BodyResult => ({ ok: false, problem: { status, code, reason } });
  const media = parseMediaType(req.headers['content-type']);
  const type = media.type;
  if (type && !options.contentTypes(type)) return fail(415, 'unsupported_media_type', `content-type ${type} is not accepted here`);
  const charset = charsetRefusal(media);
  if (charset) return fail(415, 'unsupported_media_type', charset);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') return fail(415, 'unsupported_media_type', `content-encoding ${encoding} is not accepted here`);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > options.maxBytes) return fail(413, 'payload_too_large', `body larger than ${options.maxBytes} bytes`);

  const chunks: Buffer[] = [];
  let size = 0;
  const outcome = await new Promise<'ok' | 'too_large' | 'aborted'>((resolve) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) {
        cleanup();
        // Stop buffering; the route answers 413 with `Connection: close`, so the rest is never read.
        req.pause();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve('ok');
    };
    const onAbort = () => {
      cleanup();
      resolve('aborted');
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onAbort);
    req.once('aborted', onAbort);
  });
  if (outcome === 'too_large') return fail(413, 'payload_too_large', `body larger than ${options.maxBytes} bytes`);
  if (outcome === 'aborted') return fail(400, 'body_incomplete', 'the request body was cut off');
  const raw = Buffer.concat(chunks, size);
  req.rawBody = raw;
  return { ok: true, raw };
}
