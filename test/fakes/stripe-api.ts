import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** One request the SDK made, as the fake API read it. */
export interface StripeCall {
  method: string;
  path: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
}

type Json = Record<string, unknown>;

/** Reads Stripe's form encoding (`line_items[0][price_data][currency]=eur`) into nested objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1] ?? '');
      const slot = node as Record<string, unknown>;
      if (last) slot[part] = value;
      else {
        slot[part] ??= nextIsIndex ? [] : {};
        node = slot[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}

/**
 * A local stand-in for the few Stripe endpoints Majordome uses (Checkout Sessions create,
 * retrieve and expire; refunds; payment intents retrieve). It records every request, replays
 * the first answer for a repeated idempotency key as Stripe does, and lets a test pay a
 * session or make the next refund fail.
 */
export class FakeStripeApi {
  readonly calls: StripeCall[] = [];
  readonly sessions = new Map<string, Json>();
  readonly intents = new Map<string, Json>();
  readonly refunds = new Map<string, Json>();
  private readonly answered = new Map<string, { status: number; body: Json }>();
  private seq = 0;
  failNextRefund: string | null = null;
  /** The next session create answers 500, as Stripe does when it is having trouble. */
  failNextSession = false;

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeStripeApi> {
    let fake: FakeStripeApi | null = null;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const answer = fake ? fake.handle(req, body) : { status: 503, body: {} };
        res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': `req_${Date.now()}` });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeStripeApi(server, (server.address() as AddressInfo).port);
    return fake;
  }

  /** The real SDK, pointed here. */
  client(): Stripe {
    return new Stripe('sk_test_fakefakefake', { host: '127.0.0.1', port: this.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  callsTo(method: string, path: RegExp): StripeCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** The guest pays (or saves a card for) a session: it completes with a payment intent carrying the session's metadata. */
  complete(sessionId: string): Json {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    if (session['mode'] === 'setup') {
      Object.assign(session, { status: 'complete', setup_intent: `seti_${++this.seq}` });
      return session;
    }
    const pi = `pi_test_${++this.seq}`;
    const intentData = (session['_payment_intent_data'] ?? {}) as Json;
    this.intents.set(pi, { id: pi, object: 'payment_intent', amount: session['amount_total'], metadata: intentData['metadata'] ?? {}, status: 'succeeded' });
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: pi });
    return session;
  }

  /** Stripe lets the session lapse. */
  expire(sessionId: string): Json {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    session['status'] = 'expired';
    return session;
  }

  /** What a webhook carries: the object without the fake's own bookkeeping. */
  publicView(object: Json): Json {
    return Object.fromEntries(Object.entries(object).filter(([k]) => !k.startsWith('_')));
  }

  private handle(req: http.IncomingMessage, body: string): { status: number; body: Json } {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = body ? parseStripeForm(body) : {};
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const method = req.method ?? 'GET';
    this.calls.push({ method, path: url.pathname, params, idempotencyKey });
    if (method === 'POST' && idempotencyKey) {
      const seen = this.answered.get(idempotencyKey);
      if (seen) return seen;
      const answer = this.route(method, url.pathname, params);
      this.answered.set(idempotencyKey, answer);
      return answer;
    }
    return this.route(method, url.pathname, params);
  }

  private route(method: string, path: string, params: Json): { status: number; body: Json } {
    const missing = (what: string) => ({ status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } } });
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (this.failNextSession) {
        this.failNextSession = false;
        return { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } };
      }
      return { status: 200, body: this.createSession(params) };
    }
    let m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) {
      const s = this.sessions.get(m[1] ?? '');
      return s ? { status: 200, body: this.publicView(s) } : missing('checkout.session');
    }
    m = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === 'POST' && m) {
      const s = this.sessions.get(m[1] ?? '');
      if (!s) return missing('checkout.session');
      if (s['status'] !== 'open') return { status: 400, body: { error: { type: 'invalid_request_error', message: `Only Checkout Sessions with a status in ["open"] can be expired.` } } };
      s['status'] = 'expired';
      return { status: 200, body: this.publicView(s) };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (this.failNextRefund) {
        const message = this.failNextRefund;
        this.failNextRefund = null;
        return { status: 400, body: { error: { type: 'invalid_request_error', code: 'charge_already_refunded', message } } };
      }
      const id = `re_test_${++this.seq}`;
      const refund = { id, object: 'refund', amount: Number(params['amount']), payment_intent: params['payment_intent'], status: 'succeeded', metadata: params['metadata'] ?? {} };
      this.refunds.set(id, refund);
      return { status: 200, body: refund };
    }
    m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) {
      const pi = this.intents.get(m[1] ?? '');
      return pi ? { status: 200, body: pi } : missing('payment_intent');
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } };
  }

  private createSession(params: Json): Json {
    const id = `cs_test_${++this.seq}`;
    const items = (params['line_items'] ?? []) as { quantity: string; price_data: { unit_amount: string } }[];
    const amount = items.reduce((n, i) => n + Number(i.price_data.unit_amount) * Number(i.quantity), 0);
    const session: Json = {
      id,
      object: 'checkout.session',
      mode: params['mode'],
      status: 'open',
      payment_status: params['mode'] === 'setup' ? 'no_payment_required' : 'unpaid',
      url: `https://checkout.stripe.test/c/pay/${id}`,
      expires_at: Number(params['expires_at']),
      amount_total: params['mode'] === 'setup' ? null : amount,
      currency: params['currency'] ?? (items[0] as unknown as { price_data: { currency: string } } | undefined)?.price_data.currency ?? null,
      client_reference_id: params['client_reference_id'] ?? null,
      customer_email: params['customer_email'] ?? null,
      locale: params['locale'] ?? null,
      metadata: params['metadata'] ?? {},
      payment_intent: null,
      _payment_intent_data: params['payment_intent_data'] ?? {},
    };
    this.sessions.set(id, session);
    return this.publicView(session);
  }
}

/** A signed webhook delivery, as Stripe would send it. */
export function signedEvent(stripe: Stripe, secret: string, type: string, object: Json, id: string, timestamp?: number): { payload: string; header: string } {
  const payload = JSON.stringify({
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) }) };
}
