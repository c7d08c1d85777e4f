import Stripe from 'stripe';
import { MemoryProcessedEvents } from '../../adapters/payments/event-log/memory-processed-events';
import { startLoopbackApp, type LoopbackApp } from '../bot/messages-support';
import { startPaymentsWorld, WEBHOOK_SECRET, type PaymentsWorld } from '../bot/payments-support';
import { sendRaw, type RawRequest } from './support/raw-http';
import { reasonIn } from './support/sane-response';

/** The inputs the fuzz suite found wrong once, replayed exactly so they stay fixed. */
describe('fuzz findings', () => {
  let w: LoopbackApp;
  let port: number;
  beforeAll(async () => {
    w = await startLoopbackApp();
    port = Number(new URL(w.base).port);
  });
  afterAll(async () => {
    await w?.close();
  });

  const send = (r: Partial<RawRequest> & { target: string }) => sendRaw(port, { method: 'GET', headers: [], body: Buffer.alloc(0), framing: 'none', ...r }, 15_000);

  it('refuses offers for a stay longer than a year before reading a single night', async () => {
    const store = w.app.deps.store;
    const read = jest.spyOn(store, 'readUnitNights');
    try {
      const far = await send({ target: '/api/properties/chateau-de-vauclair/offers?checkIn=2028-01-01&checkOut=9999-12-31&adults=2' });
      expect(far.status).toBe(400);
      expect(JSON.parse(far.body.toString())).toEqual({ error: 'invalid_query', reasons: ['checkOut: expected a stay of at most 366 nights'] });
      expect(read).not.toHaveBeenCalled();

      const year = await send({ target: '/api/properties/chateau-de-vauclair/offers?checkIn=2028-01-01&checkOut=2028-12-31&adults=2' });
      expect(year.status).toBe(200);
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
  });

  it('says why when Node cannot parse a request, instead of a bare 400 before any route runs', async () => {
    const cases: [Partial<RawRequest> & { target: string }, number, RegExp][] = [
      [{ target: '/api/properties/é/offers' }, 400, /not well-formed HTTP \(HPE_INVALID_URL\)/],
      [{ target: '/health', headers: [['x-a', 'a\u0001b']] }, 400, /not well-formed HTTP \(HPE_INVALID_HEADER_TOKEN\)/],
      [{ target: '/health', headers: [['x-huge', 'h'.repeat(20_000)]] }, 431, /headers are too large/],
      [{ method: 'POST', target: '/api/messages', headers: [['content-type', 'application/json']], body: Buffer.from('{"type":'), framing: 'long' }, 400, /closed before the request was complete/],
    ];
    for (const [request, status, reason] of cases) {
      const res = await send(request);
      expect({ target: request.target, status: res.status, reason: reasonIn(res.body) }).toEqual({ target: request.target, status, reason: expect.stringMatching(reason) });
    }
    expect((await send({ target: '/health' })).status).toBe(200);
  });

  describe('a Direct Line token whose conversation has not started yet', () => {
    let n = 0;
    const freshToken = () => {
      const conversationId = `regression${String(++n).padStart(6, '0')}`;
      return { conversationId, token: w.app.webchat.tokens.issue({ c: conversationId, p: 'chateau-de-vauclair', u: `dl_regression${n}` }).token };
    };
    const auth = (token: string): [string, string][] => [['authorization', `Bearer ${token}`], ['content-type', 'application/json']];

    it('starts nothing when the request is refused (a bad watermark, a bad activity), and starts on the first good one', async () => {
      const refused: [string, (id: string, token: string) => Partial<RawRequest> & { target: string }][] = [
        ['resume', (id, token) => ({ target: `/v3/directline/conversations/${id}?watermark=nope`, headers: auth(token) })],
        ['poll', (id, token) => ({ target: `/v3/directline/conversations/${id}/activities?watermark=nope`, headers: auth(token) })],
        ['post', (id, token) => ({ method: 'POST', target: `/v3/directline/conversations/${id}/activities`, headers: auth(token), body: Buffer.from('{"type":"nope"}'), framing: 'length' })],
      ];
      for (const [what, requestOf] of refused) {
        const { conversationId, token } = freshToken();
        const res = await send(requestOf(conversationId, token));
        expect({ what, status: res.status }).toEqual({ what, status: 400 });
        expect({ what, started: await w.app.webchat.log.get(conversationId) }).toEqual({ what, started: null });
      }
      const { conversationId, token } = freshToken();
      const ok = await send({ target: `/v3/directline/conversations/${conversationId}/activities`, headers: auth(token) });
      expect(ok.status).toBe(200);
      expect(await w.app.webchat.log.get(conversationId)).toMatchObject({ conversationId });
    });

    it('starts nothing when the stream handshake is refused, and starts once it is accepted', async () => {
      const stream = (id: string, token: string, key: [string, string][]) =>
        send({ target: `/v3/directline/conversations/${id}/stream?t=${encodeURIComponent(token)}`, upgrade: true, headers: [['upgrade', 'websocket'], ['sec-websocket-version', '13'], ...key] });
      const { conversationId, token } = freshToken();
      const refused = await stream(conversationId, token, []);
      expect(refused.status).toBe(400);
      expect(reasonIn(refused.body)).toMatch(/Sec-WebSocket-Key/);
      expect(await w.app.webchat.log.get(conversationId)).toBeNull();

      const accepted = await stream(conversationId, token, [['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ==']]);
      expect(accepted.status).toBe(101);
      // The greeting is the start's last step: once it is logged, the conversation has started.
      const started = async (): Promise<unknown> => ((await w.app.webchat.log.read(conversationId, null, 10)).activities.length ? w.app.webchat.log.get(conversationId) : new Promise((r) => setTimeout(r, 20)).then(started));
      expect(await started()).toMatchObject({ conversationId });

      // Bytes right behind the handshake are WebSocket frames, here invalid ones: the stream drops, the server stays up.
      const next = freshToken();
      const garbage = await send({
        target: `/v3/directline/conversations/${next.conversationId}/stream?t=${encodeURIComponent(next.token)}`,
        upgrade: true,
        headers: [['upgrade', 'websocket'], ['sec-websocket-version', '13'], ['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ==']],
        body: Buffer.from('\u00ff\u00ff not a frame'),
        framing: 'length',
      });
      expect(garbage.status).toBe(101);
      expect((await send({ target: '/health' })).status).toBe(200);
    });
  });

  describe('a Stripe webhook signed with our secret', () => {
    let stripe: PaymentsWorld;
    beforeAll(async () => {
      stripe = await startPaymentsWorld({ stripe: true });
    });
    afterAll(async () => {
      await stripe?.close();
    });

    it('answers 400 with the reason when the signed body is not an event, and claims no event id', async () => {
      const sdk = new Stripe('sk_test_unused', {});
      const claim = jest.spyOn(MemoryProcessedEvents.prototype, 'claim');
      try {
        for (const payload of ['null', '[]', '"evt"', '{"id":"evt_1"}', '{"id":"evt_1","type":"checkout.session.completed","data":null}', '{"id":"","type":"x","data":{"object":{}}}']) {
          const header = sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
          const res = await fetch(`${stripe.base}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
          const body = (await res.json()) as { error?: string; reasons?: string[] };
          expect({ payload, status: res.status, error: body.error }).toEqual({ payload, status: 400, error: 'invalid_event' });
          expect(body.reasons?.length).toBeGreaterThan(0);
        }
        expect(claim).not.toHaveBeenCalled();
      } finally {
        claim.mockRestore();
      }
    });
  });
});
