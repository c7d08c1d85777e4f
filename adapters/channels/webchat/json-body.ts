import type { Request } from 'restify';
import { charsetRefusal, parseMediaType } from '../../http/media-type';
import { problem, type DirectLineProblem } from './direct-line-error';

/**
 * Reads a JSON body up to `maxBytes` (the server has no global body parser: each route reads
 * its own). JSON is UTF-8: another declared charset gets a 415. An empty body is `undefined`,
 * which routes with optional bodies accept.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; problem: DirectLineProblem }> {
  const media = parseMediaType(req.headers['content-type']);
  const type = media.type;
  if (type && type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    return { ok: false, problem: problem(415, 'BadArgument', `content-type ${type} is not accepted; send application/json`) };
  }
  const charset = charsetRefusal(media);
  if (charset) return { ok: false, problem: problem(415, 'BadArgument', charset) };
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return { ok: false, problem: problem(413, 'BadArgument', `body larger than ${maxBytes} bytes`) };
  const chunks: Buffer[] = [];
  let size = 0;
  const outcome = await new Promise<'ok' | 'too_large' | 'aborted'>((resolve) => {
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too_large');
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve('ok'));
    req.once('error', () => resolve('aborted'));
    req.once('aborted', () => resolve('aborted'));
  });
  if (outcome === 'too_large') return { ok: false, problem: problem(413, 'BadArgument', `body larger than ${maxBytes} bytes`) };
  if (outcome === 'aborted') return { ok: false, problem: problem(400, 'BadArgument', 'the request body was cut off') };
  const text = Buffer.concat(chunks, size).toString('utf8').trim();
  if (!text) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: problem(400, 'BadArgument', 'the body is not valid JSON') };
  }
}
