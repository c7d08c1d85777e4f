import type { Server as HttpServer } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Node answers a request it cannot parse (a control character in a header, raw UTF-8 in the
 * URL, a body cut short of its Content-Length, oversized headers) with a bare status and no
 * body, before any route runs. This gives that answer a reason in the body, like every other
 * refusal of this server, on the same conditions as Node's own handler: only while nothing
 * has been written on the connection yet.
 */
export function answerMalformedRequests(server: HttpServer): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    if (socket.writable && socket.bytesWritten === 0 && error.code !== 'ECONNRESET') {
      const [status, reason] = refusalOf(error.code);
      const body = JSON.stringify({ error: 'bad_request', reasons: [reason] });
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  });
}

function refusalOf(code: string | undefined): [number, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'the request headers are too large'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'the request took too long to arrive'];
    case 'HPE_INVALID_EOF_STATE':
      return [400, 'the connection closed before the request was complete'];
    default:
      return [400, `the request is not well-formed HTTP (${code ?? 'parse error'})`];
  }
}
