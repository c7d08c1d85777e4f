/**
 * A stand-in for a Bot Framework channel's Connector service on loopback: the bot POSTs its
 * replies to `<serviceUrl>/v3/conversations/:conversationId/activities[/:replyToId]`, and this
 * records them. Used by the /api/messages tests and by the turns benchmark.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedReply {
  conversationId: string;
  /** From the URL: the activity this reply answers, when the bot replied rather than sent. */
  replyToId: string | undefined;
  activity: Record<string, unknown>;
  /** performance.now() when the reply's body was fully received. */
  at: number;
}

const REPLY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export class ConnectorCapture {
  /** Every reply, in arrival order (tests); the benchmark clears it between turns it has counted. */
  readonly replies: CapturedReply[] = [];
  /** Calls that are not a reply POST (updates, deletes, member lookups…): the tests expect none. */
  readonly unexpected: string[] = [];
  private readonly listeners = new Set<(reply: CapturedReply) => void>();
  private sequence = 0;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(options: { keepReplies?: boolean } = {}): Promise<ConnectorCapture> {
    const keep = options.keepReplies ?? true;
    let capture: ConnectorCapture | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = req.method === 'POST' ? REPLY_PATH.exec(req.url ?? '') : null;
        if (!capture || !match) {
          capture?.unexpected.push(`${req.method} ${req.url}`);
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"NotFound","message":"not a reply endpoint"}}');
          return;
        }
        let activity: Record<string, unknown>;
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          capture.unexpected.push(`unparsable body on ${req.url}`);
          res.writeHead(400);
          res.end();
          return;
        }
        const reply: CapturedReply = {
          conversationId: decodeURIComponent(match[1] ?? ''),
          replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
          activity,
          at: performance.now(),
        };
        if (keep) capture.replies.push(reply);
        for (const listener of capture.listeners) listener(reply);
        // The Connector answers a posted activity with its new id. (Separate calls: restify,
        // loaded in the same process, patches ServerResponse and its writeHead returns nothing.)
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${++capture.sequence}` }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    capture = new ConnectorCapture(server, `http://127.0.0.1:${port}`);
    return capture;
  }

  onReply(listener: (reply: CapturedReply) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  repliesTo(activityId: string): CapturedReply[] {
    return this.replies.filter((r) => r.replyToId === activityId);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
