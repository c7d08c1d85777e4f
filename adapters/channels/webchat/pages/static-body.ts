import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { StaticBody } from './static-response';

export function staticBody(code: Buffer): StaticBody {
  return { code, gzip: gzipSync(code, { level: 9 }), etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"` };
}
