import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Request } from 'restify';

/** A request still being answered. Paths can hold signed links and tokens: only ids are kept. */
export interface InFlightRequest {
  /** A sequence number of this process, in arrival order. */
  id: number;
  method: string;
  /** The route's pattern once the router has matched it (`/api/properties/:propertyId/offers`), never the path itself. */
  route?: string;
  ageMs: number;
}

interface Tracked {
  id: number;
  method: string;
  req: IncomingMessage;
  startedAt: number;
}

/** Tells the client the socket ends after this answer, so it does not send its next request on a dying connection. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}

function routeOf(req: IncomingMessage): string | undefined {
  const routed = req as Partial<Pick<Request, 'getRoute'>>;
  if (typeof routed.getRoute !== 'function') return undefined;
  const path = routed.getRoute()?.path;
  return path === undefined ? undefined : String(path);
}

/**
 * The HTTP side of a graceful shutdown: counts the requests a server is answering, stops it
 * accepting connections while keep-alive sockets still get their answers, and ends what is
 * left at the deadline. Attach it before the server answers its first request.
 */
export class HttpDrain {
  private readonly requests = new Map<ServerResponse, Tracked>();
  private readonly emptied: (() => void)[] = [];
  private readonly closed: Promise<void>;
  private nextId = 1;
  private draining = false;
  private listenerClosed: Promise<void> = Promise.resolve();

  constructor(
    private readonly server: Server,
    private readonly now: () => number = Date.now,
  ) {
    // Ahead of the router's own listener, so a request taken in during the drain is marked before anything is written.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => this.track(req, res));
    this.closed = new Promise((resolve) => server.once('close', () => resolve()));
  }

  /** Requests being answered now. */
  get size(): number {
    return this.requests.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  running(): InFlightRequest[] {
    const now = this.now();
    return [...this.requests.values()].map((t) => ({ id: t.id, method: t.method, ...(routeOf(t.req) ? { route: routeOf(t.req) } : {}), ageMs: now - t.startedAt }));
  }

  /**
   * Stops accepting connections; every answer from now on carries `Connection: close`.
   * Connections that reached the listen backlog before this are still accepted (the listener
   * closes a turn of the event loop later, once they are taken: closing it at once would reset
   * them), and keep-alive sockets stay open: a request already on its way on one, sent before
   * the client could know, is answered rather than reset. (http.Server#close would also drop
   * idle keep-alive sockets at once, since Node 19, so only the listener is closed here.)
   * Resolves once the listener is closed.
   */
  stopAccepting(): Promise<void> {
    if (!this.draining) {
      this.draining = true;
      for (const res of this.requests.keys()) closeAfter(res);
      this.listenerClosed = new Promise((resolve) =>
        setImmediate(() => {
          NetServer.prototype.close.call(this.server);
          resolve();
        }),
      );
    }
    return this.listenerClosed;
  }

  /**
   * Resolves once no request is being answered. The bytes of connections accepted as the
   * drain began are read first (two turns of the event loop: one to accept, one to read), so
   * their requests are counted.
   */
  async settled(): Promise<void> {
    for (let turn = 0; turn < 2; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.requests.size > 0) await new Promise<void>((resolve) => this.emptied.push(resolve));
  }

  /** Ends the keep-alive sockets that carry no request; the busy ones end after their answer. */
  async closeIdle(): Promise<void> {
    await this.stopAccepting();
    this.server.closeIdleConnections();
  }

  /** Ends every connection, cutting the requests still running; returns those requests. */
  async forceClose(): Promise<InFlightRequest[]> {
    await this.stopAccepting();
    const cut = this.running();
    this.server.closeAllConnections();
    return cut;
  }

  /** Resolves once the server has no connection left (WebSocket streams included) and has closed. */
  whenClosed(): Promise<void> {
    return this.closed;
  }

  private track(req: IncomingMessage, res: ServerResponse): void {
    this.requests.set(res, { id: this.nextId++, method: req.method ?? 'GET', req, startedAt: this.now() });
    if (this.draining) closeAfter(res);
    res.once('close', () => {
      this.requests.delete(res);
      if (this.requests.size === 0) for (const resolve of this.emptied.splice(0)) resolve();
    });
  }
}
