import { list, record, str, type Activity, type ActivitySet, type ConversationGrant, type OutgoingActivity } from './protocol';
import type { Session, SessionStore } from './session-store';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface ClientOptions {
  origin: string;
  property: string;
  locale: string;
  store: SessionStore;
  onActivities(activities: Activity[]): void;
  onState(state: ConnectionState): void;
  /** A new conversation replaced one that could not be resumed (expired or unknown). */
  onNewConversation(): void;
}

/** The server answered, and said no: resuming cannot work, a new conversation can. */
class Refused extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The server answered with another error: 429 (too fast) and 503 (a passing outage) are told apart for the guest. */
export class HttpFailure extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

const MAX_BACKOFF_MS = 30_000;
/** WebSockets that never open (a proxy that blocks them): poll instead after this many. */
const WS_FAILURES_BEFORE_POLLING = 3;
const POLL_MS = 1000;

/**
 * Direct Line 3.0 for one guest: starts or resumes the conversation, follows its stream
 * (WebSocket, or polling when WebSockets cannot get through), reconnects with backoff from
 * the last watermark, and refreshes the token before it lapses.
 */
export class DirectLineClient {
  private ready: Promise<Session> | null = null;
  private socket: WebSocket | null = null;
  private attempt = 0;
  private wsFailures = 0;
  private timer = 0;
  private refreshTimer = 0;
  private readonly api: string;

  constructor(private readonly o: ClientOptions) {
    this.api = `${o.origin}/v3/directline`;
    window.addEventListener('online', () => {
      if (this.ready && !this.socket) this.reconnectNow();
    });
  }

  /** Idempotent: the first call connects, later ones wait for the same session. */
  start(): Promise<Session> {
    if (!this.ready) {
      this.o.onState('connecting');
      this.ready = this.connect();
      this.ready.catch(() => {
        // connect() retries by itself; a caller that awaits sees its own failure
      });
    }
    return this.ready;
  }

  async send(activity: OutgoingActivity): Promise<void> {
    const session = await this.start();
    await this.call('POST', `/conversations/${encodeURIComponent(session.conversationId)}/activities`, session.token, activity);
  }

  private async connect(): Promise<Session> {
    for (;;) {
      try {
        const saved = this.o.store.session;
        if (saved && saved.expiresAt - Date.now() > 30_000) {
          try {
            return await this.follow(saved, await this.resume(saved));
          } catch (error) {
            if (!(error instanceof Refused)) throw error;
          }
        }
        return await this.begin(saved?.userId);
      } catch {
        this.o.onState(navigator.onLine === false ? 'offline' : 'reconnecting');
        await new Promise((resolve) => (this.timer = window.setTimeout(resolve, this.backoff())));
      }
    }
  }

  private async begin(userId: string | undefined): Promise<Session> {
    const grant = await this.json<ConversationGrant>(`${this.o.origin}/webchat/token`, 'POST', null, { property: this.o.property, locale: this.o.locale });
    const started = await this.call('POST', '/conversations', str(grant.token));
    const session: Session = {
      conversationId: str(started.conversationId) || str(grant.conversationId),
      token: str(started.token) || str(grant.token),
      expiresAt: Date.now() + seconds(started.expires_in ?? grant.expires_in) * 1000,
      watermark: null,
      userId: userId ?? `dl_${randomId()}`,
    };
    if (this.o.store.session) this.o.onNewConversation();
    this.o.store.setSession(session);
    return this.follow(session, started);
  }

  private resume(session: Session): Promise<ConversationGrant> {
    const watermark = session.watermark ? `?watermark=${encodeURIComponent(session.watermark)}` : '';
    return this.call('GET', `/conversations/${encodeURIComponent(session.conversationId)}${watermark}`, session.token);
  }

  private follow(session: Session, grant: ConversationGrant): Session {
    this.scheduleRefresh();
    const streamUrl = str(grant.streamUrl);
    if (streamUrl && typeof WebSocket === 'function' && this.wsFailures < WS_FAILURES_BEFORE_POLLING) this.openSocket(streamUrl);
    else this.poll();
    return session;
  }

  private openSocket(url: string): void {
    const socket = new WebSocket(url);
    let opened = false;
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.wsFailures = 0;
      this.o.onState('online');
    };
    socket.onmessage = (event: MessageEvent) => {
      // Empty frames are keep-alives.
      if (typeof event.data !== 'string' || !event.data.trim()) return;
      try {
        this.deliver(JSON.parse(event.data) as ActivitySet);
      } catch {
        // a malformed frame is dropped; the watermark makes the next resume fetch it again
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!opened) this.wsFailures += 1;
      this.o.onState(navigator.onLine === false ? 'offline' : 'reconnecting');
      this.timer = window.setTimeout(() => this.reconnectNow(), this.backoff());
    };
  }

  private reconnectNow(): void {
    window.clearTimeout(this.timer);
    const session = this.o.store.session;
    if (!session) return;
    this.resume(session)
      .then((grant) => this.follow(session, grant))
      .catch((error: unknown) => {
        if (error instanceof Refused) {
          this.ready = this.begin(session.userId);
          this.ready.catch(() => this.retryLater());
        } else this.retryLater();
      });
  }

  private retryLater(): void {
    this.o.onState(navigator.onLine === false ? 'offline' : 'reconnecting');
    this.timer = window.setTimeout(() => this.reconnectNow(), this.backoff());
  }

  private poll(): void {
    const session = this.o.store.session;
    if (!session) return;
    const watermark = session.watermark ? `?watermark=${encodeURIComponent(session.watermark)}` : '';
    this.call('GET', `/conversations/${encodeURIComponent(session.conversationId)}/activities${watermark}`, session.token)
      .then((set) => {
        this.attempt = 0;
        this.o.onState('online');
        this.deliver(set);
        this.timer = window.setTimeout(() => this.poll(), POLL_MS);
      })
      .catch(() => this.retryLater());
  }

  private deliver(set: ActivitySet): void {
    const activities = list(set.activities).map((a) => record<Activity>(a)).filter((a): a is Activity => a !== null);
    const session = this.o.store.session;
    const watermark = typeof set.watermark === 'number' ? String(set.watermark) : str(set.watermark);
    if (session && watermark) this.o.store.setSession({ ...session, watermark });
    if (activities.length) this.o.onActivities(activities);
  }

  /** Halfway through the token's remaining life, so a failed refresh has time for retries. */
  private scheduleRefresh(): void {
    window.clearTimeout(this.refreshTimer);
    const session = this.o.store.session;
    if (!session) return;
    const delay = Math.max(5000, (session.expiresAt - Date.now()) / 2);
    this.refreshTimer = window.setTimeout(() => {
      const current = this.o.store.session;
      if (!current) return;
      this.call('POST', '/tokens/refresh', current.token)
        .then((grant) => {
          const token = str(grant.token);
          if (token) this.o.store.setSession({ ...current, token, expiresAt: Date.now() + seconds(grant.expires_in) * 1000 });
          this.scheduleRefresh();
        })
        .catch(() => {
          if (current.expiresAt > Date.now()) this.refreshTimer = window.setTimeout(() => this.scheduleRefresh(), 10_000);
        });
    }, delay);
  }

  /** Full jitter between half and all of an exponential step, capped. */
  private backoff(): number {
    const step = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempt);
    this.attempt += 1;
    return step / 2 + Math.random() * (step / 2);
  }

  private call(method: string, path: string, token: string, body?: unknown): Promise<ConversationGrant & ActivitySet> {
    return this.json(`${this.api}${path}`, method, token, body);
  }

  private async json<T extends object>(url: string, method: string, token: string | null, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (res.status === 401 || res.status === 403 || res.status === 404) throw new Refused(res.status);
    if (!res.ok) throw new HttpFailure(res.status);
    const text = await res.text();
    return (record<T>(text ? (JSON.parse(text) as unknown) : {}) ?? ({} as T));
  }
}

function seconds(value: unknown): number {
  return typeof value === 'number' && value > 0 ? value : 1800;
}

export function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
