import Stripe from 'stripe';
import { signedEvent } from '../fakes/stripe-api';
import { testRedisConfig } from '../support/redis-store';
import { PROPERTY, startWebchatApp, type WebchatTestApp } from '../adapters/channels/webchat/webchat-support';
import { startPaymentsWorld, WEBHOOK_SECRET, type PaymentsWorld } from './payments-support';

const textsOf = (body: unknown): string[] =>
  ((body as { activities: { text?: string; from: { role?: string } }[] }).activities ?? []).filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');

describe('rate limits where they belong', () => {
  jest.setTimeout(60_000);

  describe('Direct Line posts, per conversation', () => {
    let s: WebchatTestApp;
    beforeAll(async () => {
      s = await startWebchatApp({ webchat: { messagesPerMinute: 3 } });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('refuses posts past the limit with 429 and Retry-After, and tells the guest once, in their language', async () => {
      const { conversationId, token } = await s.widgetToken('fr');
      const post = (i: number) =>
        s.call('POST', `/v3/directline/conversations/${conversationId}/activities`, { auth: token, body: { type: 'message', text: 'Bonjour', channelData: { clientActivityID: `cli-${i}` } } });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(i)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      const refused = await post(7);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body).toEqual({ error: { code: 'TooManyRequests', message: expect.stringContaining('too fast') } });

      const log = await s.call('GET', `/v3/directline/conversations/${conversationId}/activities`, { auth: token });
      const told = textsOf(log.body).filter((t) => t.startsWith('Vous envoyez des messages plus vite'));
      expect(told).toHaveLength(1);
      // Another conversation is not slowed by this one.
      const other = await s.widgetToken('en');
      const ok = await s.call('POST', `/v3/directline/conversations/${other.conversationId}/activities`, { auth: other.token, body: { type: 'message', text: 'hello' } });
      expect(ok.status).toBe(200);
    });
  });

  describe('web chat tokens, per client address, shared by every instance on Redis', () => {
    const config = testRedisConfig('rate-tokens');
    let a: WebchatTestApp;
    let b: WebchatTestApp;
    beforeAll(async () => {
      a = await startWebchatApp({ config, webchat: { tokenRatePerMinute: 2 } });
      b = await startWebchatApp({ config, webchat: { tokenRatePerMinute: 2 } });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('counts the tokens one address got from either instance', async () => {
      const ask = (s: WebchatTestApp) => s.call('POST', '/webchat/token', { origin: s.origin, body: { property: PROPERTY } });
      expect((await ask(a)).status).toBe(200);
      expect((await ask(b)).status).toBe(200);
      const third = await ask(a);
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await ask(b)).status).toBe(429);
    });
  });

  describe('web chat tokens behind a trusted proxy', () => {
    let s: WebchatTestApp;
    beforeAll(async () => {
      s = await startWebchatApp({ config: { trustProxy: ['loopback'] }, webchat: { tokenRatePerMinute: 1 } });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('counts per guest address the proxy forwards, not per proxy', async () => {
      const ask = (client: string) => s.call('POST', '/webchat/token', { origin: s.origin, body: { property: PROPERTY }, headers: { 'x-forwarded-for': client } });
      expect((await ask('203.0.113.7')).status).toBe(200);
      expect((await ask('203.0.113.7')).status).toBe(429);
      expect((await ask('198.51.100.20')).status).toBe(200);
    });
  });

  describe('Stripe webhooks, per object, after the signature', () => {
    let w: PaymentsWorld;
    beforeAll(async () => {
      w = await startPaymentsWorld({ stripe: true });
    });
    afterAll(async () => {
      await w?.close();
    });

    const deliver = async (objectId: string, eventId: string, secret = WEBHOOK_SECRET) => {
      const { payload, header } = signedEvent(new Stripe('sk_test_unused', {}), secret, 'checkout.session.expired', { id: objectId, object: 'checkout.session', metadata: {} }, eventId);
      const res = await fetch(`${w.base}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
      return { status: res.status, retryAfter: res.headers.get('retry-after') };
    };

    it('delays a storm about one checkout with 503 and Retry-After, never 429, and leaves other objects and forged events alone', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await deliver('cs_storm', `evt_storm_${i}`)).status);
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(30)).toEqual([503, 503]);
      expect(statuses).not.toContain(429);
      expect((await deliver('cs_storm', 'evt_storm_late')).retryAfter).toMatch(/^\d+$/);
      expect((await deliver('cs_other', 'evt_other_1')).status).toBe(200);
      // A forged event costs the object nothing: refused before the limiter is asked.
      expect((await deliver('cs_quiet', 'evt_forged', 'whsec_not_the_secret')).status).toBe(400);
    });
  });
});
