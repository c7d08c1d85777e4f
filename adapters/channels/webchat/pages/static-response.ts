import type { Request, Response } from 'restify';

export interface StaticBody {
  code: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Bytes with their ETag, gzipped for clients that accept it, 304 when unchanged. */
export function sendStatic(req: Request, res: Response, body: StaticBody, contentType: string, headers: Record<string, string> = {}): void {
  const common = { 'Content-Type': contentType, ETag: body.etag, 'Cache-Control': 'public, max-age=300', Vary: 'Accept-Encoding', ...headers };
  if (req.headers['if-none-match'] === body.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const bytes = gzip ? body.gzip : body.code;
  res.writeHead(200, { ...common, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(bytes.length) });
  res.end(bytes);
}

export function sendHtml(res: Response, html: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(html, 'utf8');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(bytes.length), 'Cache-Control': 'no-cache', ...headers });
  res.end(bytes);
}
