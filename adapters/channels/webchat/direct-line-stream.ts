import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConversationRecord } from './activity-log';
import { authenticate, bearerOf, mayUse } from './auth';
import { isProblem, problem, type DirectLineProblem } from './direct-line-error';
import { isConversationId, READ_LIMIT, type DirectLineService } from './direct-line-service';
import { bindingOf, DIRECT_LINE_BASE, watermarkOf } from './direct-line-routes';
import type { OriginPolicy } from './origins';
import type { DirectLineTokens } from './tokens';

export interface DirectLineStreamDeps {
  service: DirectLineService;
  tokens: DirectLineTokens;
  secret: string | null;
  origins: OriginPolicy;
  logger: Logger;
  /** How often an idle stream is pinged; one missed pong and it is dropped. */
  heartbeatMs?: number;
}

/** WebSocket close code of a server going down: Direct Line clients reconnect from it. */
export const GOING_AWAY = 1001;

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/([^/]+)/stream$`);

/** A path segment decoded, or null when its escapes are broken (`%`, `%zz`), which decodeURIComponent throws on. */
function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Refuses an upgrade with a plain HTTP answer in Direct Line's error shape, then hangs up. */
function refuse(socket: Duplex, p: DirectLineProblem): void {
  const body = JSON.stringify({ error: { code: p.code, message: p.message } });
  socket.end(
    `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The WebSocket stream of a conversation: replays what follows the watermark, then pushes each
 * new activity set `{ activities, watermark }` as it is appended, here or on another instance.
 * The server only sends; what clients send (directlinejs pings with empty messages) is ignored.
 */
export class DirectLineStreams {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    if (this.closing) return refuse(socket, problem(503, 'ServiceUnavailable', 'this server is shutting down; reconnect'));
    this.upgrade(req, socket, head).catch((error: unknown) => {
      this.deps.logger.error({ err: error instanceof Error ? error.message : 'unknown' }, 'direct line stream upgrade failed');
      if (socket.writable) refuse(socket, problem(500, 'ServiceError', 'the stream could not be opened; try again'));
    });
  };

  constructor(private readonly deps: DirectLineStreamDeps) {
    this.heartbeat = setInterval(() => this.beat(), deps.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** Takes the upgrades of the restify server's underlying HTTP server. */
  attach(server: HttpServer): void {
    server.on('upgrade', this.onUpgrade);
  }

  /** Open streams; for tests. */
  get size(): number {
    return this.wss.clients.size;
  }

  /**
   * Says goodbye to every open stream with 1001 (going away): clients reconnect, to another
   * instance or to this one restarted, and resume from their watermark. A client that has not
   * answered the close after `waitMs` is cut. Later upgrades get a 503.
   */
  async close(waitMs = 2000): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    const open = [...this.wss.clients];
    if (open.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const answered = Promise.all(open.map((ws) => new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close(GOING_AWAY, 'server shutting down');
      })));
      await Promise.race([answered, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
      for (const ws of this.wss.clients) ws.terminate();
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stream.invalid');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuse(socket, problem(404, 'NotFound', 'no stream here'));
    // Browsers always send Origin on a WebSocket; a server-side client may not, and has a credential anyway.
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !this.deps.origins.allows(origin)) return refuse(socket, problem(403, 'Forbidden', 'this origin may not open the stream'));
    const who = authenticate(url.searchParams.get('t') ?? bearerOf(req.headers.authorization), this.deps.secret, this.deps.tokens);
    if (isProblem(who)) return refuse(socket, who);
    const conversationId = decodedOrNull(match[1] ?? '');
    if (conversationId === null) return refuse(socket, problem(404, 'NotFound', 'no such conversation'));
    const refused = mayUse(who, conversationId);
    if (refused) return refuse(socket, refused);
    if (!isConversationId(conversationId)) return refuse(socket, problem(404, 'NotFound', 'no such conversation'));
    const watermark = watermarkOf(url.searchParams.get('watermark') ?? undefined, (v) => this.deps.service.log.isWatermark(v));
    if (isProblem(watermark)) return refuse(socket, watermark);
    let open: () => Promise<ConversationRecord>;
    if (who.kind === 'token') {
      const binding = bindingOf(who.claims);
      open = async () => (await this.deps.service.ensureStarted(binding)).record;
    } else {
      const record = await this.deps.service.record(conversationId);
      if (!record) return refuse(socket, problem(404, 'NotFound', 'no such conversation'));
      open = async () => record;
    }
    if (socket.destroyed) return;
    // A token's conversation starts once the handshake is accepted: ws answers a bad handshake
    // with a 400 of its own, and a refused request must start nothing.
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // Before the first await: a client's bad frame is an 'error' event, fatal without a listener.
      ws.on('error', () => ws.terminate());
      open().then(
        (record) => {
          if (ws.readyState === ws.OPEN) this.serve(ws, record.conversationId, watermark);
        },
        (error: unknown) => {
          this.deps.logger.error({ conversationId, err: error instanceof Error ? error.message : 'unknown' }, 'direct line stream could not start its conversation');
          ws.close(1011, 'could not start the conversation');
        },
      );
    });
  }

  private serve(ws: WebSocket, conversationId: string, from: string | null): void {
    const log = this.deps.service.log;
    let cursor = from;
    let running = false;
    let again = false;
    // One read at a time, from the cursor: a wake-up during a read just runs one more.
    const pump = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const batch = await log.read(conversationId, cursor, READ_LIMIT);
          if (ws.readyState !== ws.OPEN) return;
          if (batch.activities.length) {
            cursor = batch.watermark ?? cursor;
            ws.send(JSON.stringify({ activities: batch.activities, watermark: cursor }));
            if (batch.activities.length === READ_LIMIT) again = true;
          }
        } while (again);
      } catch (error) {
        this.deps.logger.warn({ conversationId, err: error instanceof Error ? error.message : 'unknown' }, 'direct line stream read failed');
        ws.close(1011, 'read failed');
      } finally {
        running = false;
      }
    };
    const wake = (): void => void pump();
    const unwatch = log.watch(conversationId, wake);
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('error', () => ws.terminate());
    ws.on('close', unwatch);
    void pump();
  }

  private beat(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}
