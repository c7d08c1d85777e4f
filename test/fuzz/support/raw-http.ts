import net from 'node:net';

/**
 * How the body is framed on the wire. `short` declares fewer bytes than it sends (the rest
 * reaches the server as the start of another request), `long` more (the client then
 * half-closes, so the server sees the body cut off), `none` sends no length and no body.
 */
export type Framing = 'length' | 'chunked' | 'short' | 'long' | 'none';

export interface RawRequest {
  method: string;
  /** Path and query exactly as written on the request line. */
  target: string;
  /** In order, duplicates allowed; Host, Connection and the framing headers are added. */
  headers: [string, string][];
  body: Buffer;
  framing: Framing;
  /** A WebSocket upgrade: `Connection: Upgrade` instead of `close`; a 101 ends the exchange. */
  upgrade?: boolean;
}

export interface RawResponse {
  /**
   * 0 when the server closed the connection, without a complete answer, while the body was
   * still being sent: it refused to read the body, and TCP's reset may take the answer with it.
   */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export class NoAnswerError extends Error {}

/** One request to the server at `base`, a GET without body unless told otherwise, for tests that replay a finding. */
export function send(base: string, r: Partial<RawRequest> & { target: string }, timeoutMs = 15_000): Promise<RawResponse> {
  return sendRaw(Number(new URL(base).port), { method: 'GET', headers: [], body: Buffer.alloc(0), framing: r.body?.length ? 'length' : 'none', ...r }, timeoutMs);
}

/**
 * Sends one request over a fresh TCP connection, byte for byte as described (fetch would
 * refuse or fix most of what a fuzzer wants to send), and reads the first response.
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunks: Buffer[] = [];
    let settled = false;
    let sent = false;
    const finish = (outcome: { ok: RawResponse } | { error: Error }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if ('ok' in outcome) resolve(outcome.ok);
      else reject(outcome.error);
    };
    const timer = setTimeout(() => finish({ error: new NoAnswerError(`no complete answer within ${timeoutMs} ms`) }), timeoutMs);
    const tryParse = (ended: boolean): void => {
      let parsed: RawResponse | null;
      try {
        parsed = parseResponse(Buffer.concat(chunks), ended, request.method === 'HEAD');
      } catch (error) {
        return finish({ error: error instanceof Error ? error : new Error(String(error)) });
      }
      if (parsed) finish({ ok: parsed });
      else if (ended && !sent) finish({ ok: { status: 0, headers: {}, body: Buffer.alloc(0) } });
      else if (ended) finish({ error: new NoAnswerError(chunks.length ? 'the connection closed in the middle of the answer' : 'the connection closed without an answer') });
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      tryParse(false);
    });
    socket.on('end', () => tryParse(true));
    socket.on('close', () => tryParse(true));
    // A reset after the server answered (it stops reading a refused body) is not a failure.
    socket.on('error', () => tryParse(true));
    socket.on('connect', () => {
      socket.write(encodeRequest(port, request), () => {
        sent = true;
      });
      if (request.framing === 'long') socket.end();
    });
  });
}

export function encodeRequest(port: number, r: RawRequest): Buffer {
  const lines = [`${r.method} ${r.target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...r.headers.map(([k, v]) => `${k}: ${v}`)];
  // Keep-alive (HTTP/1.1's default), so that a route answering before it reads the body does
  // not close with bytes unread: Node drains them, where a close would reset the connection.
  if (r.upgrade) lines.push('Connection: Upgrade');
  let body = r.body;
  switch (r.framing) {
    case 'length':
      lines.push(`Content-Length: ${body.length}`);
      break;
    case 'short':
      lines.push(`Content-Length: ${Math.floor(body.length / 2)}`);
      break;
    case 'long':
      lines.push(`Content-Length: ${body.length + 1 + (body.length % 97)}`);
      break;
    case 'none':
      body = Buffer.alloc(0);
      break;
    case 'chunked': {
      lines.push('Transfer-Encoding: chunked');
      const parts: Buffer[] = [];
      for (let at = 0; at < body.length; at += 1000) {
        const piece = body.subarray(at, at + 1000);
        parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from('0\r\n\r\n'));
      body = Buffer.concat(parts);
      break;
    }
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

/** The first complete response in `data`, or null while more is needed. */
function parseResponse(data: Buffer, ended: boolean, head: boolean): RawResponse | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...headerLines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!match) throw new Error(`not an HTTP answer: ${JSON.stringify(statusLine.slice(0, 80))}`);
  const status = Number(match[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = data.subarray(end + 4);
  if (status === 101 || status === 204 || status === 304 || head) return { status, headers, body: Buffer.alloc(0) };
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') {
    const body = dechunk(rest);
    return body ? { status, headers, body } : null;
  }
  const length = headers['content-length'];
  if (length !== undefined) {
    const n = Number(length);
    return rest.length >= n ? { status, headers, body: rest.subarray(0, n) } : null;
  }
  return ended ? { status, headers, body: rest } : null;
}

function dechunk(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) return null;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (Number.isNaN(size)) throw new Error('bad chunk size in the answer');
    if (size === 0) return Buffer.concat(parts);
    if (data.length < eol + 2 + size + 2) return null;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
