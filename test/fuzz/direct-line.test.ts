import fc from 'fast-check';
import { DirectLineTokens } from '../../adapters/channels/webchat/tokens';
import { PROPERTY, randomSecret, startWebchatApp, type WebchatTestApp } from '../adapters/channels/webchat/webchat-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { send, type RawRequest } from './support/raw-http';
import { reasonIn } from './support/sane-response';
import { ANY_METHOD, bodies, headers, join, nearly, oddQueryPair, oddText, pct, request, segment, type Json } from './support/inputs';

/** Same reason as for /api/messages: long guest text is the 100 KB test's subject. */
const LONGEST_GUEST_TEXT = 400;

interface DirectLineWorld extends WebchatTestApp {
  secret: string;
  /** A token whose conversation has started and has activities. */
  started: { conversationId: string; token: string };
  /** A token of a conversation started by nobody yet: any request of it may be its first. */
  fresh: (n: number) => { conversationId: string; token: string };
  /** Tokens that must be refused: expired, signed with another key. */
  expired: string;
  foreign: string;
}

async function startDirectLine(): Promise<DirectLineWorld> {
  const secret = randomSecret();
  const s = await startWebchatApp({ webchat: { secret } });
  const issued = await s.widgetToken('fr');
  const start = await s.call('POST', '/v3/directline/conversations', { auth: issued.token, origin: s.origin });
  if (start.status !== 201) throw new Error(`conversation not started: ${start.status}`);
  const tokens = s.app.webchat.tokens;
  // Deterministic per number, so fast-check can replay and shrink an input that uses one.
  const fresh = (n: number) => {
    const conversationId = `fuzzconv${String(n).padStart(8, '0')}`;
    return { conversationId, token: tokens.issue({ c: conversationId, p: PROPERTY, u: `dl_fuzz${n}` }).token };
  };
  const now = s.clock.now().getTime();
  const expired = new DirectLineTokens(secret, 60, () => now - 3600_000).issue({ c: issued.conversationId, p: PROPERTY, u: 'dl_old' }).token;
  const foreign = new DirectLineTokens(randomSecret(), 60, () => now).issue({ c: issued.conversationId, p: PROPERTY, u: 'dl_x' }).token;
  return { ...s, secret, started: { conversationId: issued.conversationId, token: issued.token }, fresh, expired, foreign };
}

const DL = '/v3/directline';

const bearer = (credential: fc.Arbitrary<string>) => credential.map((c): [string, string][] => [['authorization', `Bearer ${c}`]]);

/** Who calls: the secret (mostly, with `secretFirst`), the started or a fresh token, near misses of them, expired, foreign, other schemes, nobody. */
function authorization(w: DirectLineWorld, secretFirst = false): fc.Arbitrary<[string, string][]> {
  return fc.oneof(
    { weight: 4, arbitrary: bearer(fc.constant(w.started.token)) },
    { weight: 3, arbitrary: bearer(fc.nat({ max: 1_000_000 }).map((n) => w.fresh(n).token)) },
    { weight: secretFirst ? 8 : 2, arbitrary: bearer(fc.constant(w.secret)) },
    { weight: 2, arbitrary: bearer(fc.oneof(nearly(w.started.token), nearly(w.secret))) },
    { weight: 1, arbitrary: bearer(fc.constantFrom(w.expired, w.foreign, 'a.b', '.', 'x'.repeat(5000))) },
    { weight: 1, arbitrary: fc.constantFrom(`Basic ${w.secret}`, 'Bearer', 'Bearer  ', `bearer ${w.started.token}`, `Bearer ${w.started.token} extra`).map((v): [string, string][] => [['authorization', v]]) },
    { weight: 1, arbitrary: oddText(40).map((v): [string, string][] => [['authorization', v.replace(/[\r\n]/g, '')]]) },
    { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
  );
}

/** The conversation a path names: the started one, a fresh token's, another well-formed id, or odd segments. */
function conversationSegment(w: DirectLineWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(w.started.conversationId) },
    { weight: 2, arbitrary: fc.nat({ max: 1_000_000 }).map((n) => w.fresh(n).conversationId) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) },
    { weight: 2, arbitrary: segment() },
  );
}

/**
 * A caller and the conversation of the path: mostly a token with its own conversation (the
 * started one, or a fresh one that any request may start), the secret with any, and
 * sometimes any credential with any path.
 */
function callerOf(w: DirectLineWorld): fc.Arbitrary<{ auth: [string, string][]; conversationId: string }> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ auth: [['authorization', `Bearer ${w.started.token}`]] as [string, string][], conversationId: w.started.conversationId }) },
    { weight: 3, arbitrary: fc.nat({ max: 1_000_000 }).map((n) => ({ auth: [['authorization', `Bearer ${w.fresh(n).token}`]] as [string, string][], conversationId: w.fresh(n).conversationId })) },
    { weight: 1, arbitrary: conversationSegment(w).map((conversationId) => ({ auth: [['authorization', `Bearer ${w.secret}`]] as [string, string][], conversationId })) },
    { weight: 2, arbitrary: fc.record({ auth: authorization(w), conversationId: conversationSegment(w) }) },
  );
}

/** `?watermark=…`: one we gave out, a number, `-`, odd text; sometimes with other pairs. */
const watermarkQuery = fc
  .tuple(
    fc.oneof(fc.constantFrom('0', '1', '2', '', '-', '999999999999999', '9999999999999999', '-1', '1.5', '01'), oddText(20)),
    fc.boolean(),
    fc.array(oddQueryPair(['watermark', 't']), { maxLength: 2 }),
  )
  .map(([wm, present, odd]) => join([...(present ? [['watermark', pct(wm)] as [string, string]] : []), ...odd]));

const jsonType = fc.oneof({ weight: 5, arbitrary: fc.constant<[string, string][]>([['content-type', 'application/json']]) }, { weight: 1, arbitrary: fc.constant<[string, string][]>([]) });

/** A JSON content type most of the time, the page's origin or another, and the common odd headers. */
function dlHeaders(w: DirectLineWorld): fc.Arbitrary<[string, string][]> {
  const origin = fc.constantFrom(w.origin, 'https://evil.example', 'null').map((o): [string, string] => ['origin', o]);
  return fc.tuple(jsonType, headers([origin])).map(([a, b]) => [...a, ...b]);
}

/** A request of one conversation: its caller's Authorization, then `dlHeaders`. */
function conversationRequest(w: DirectLineWorld, method: fc.Arbitrary<string>, path: (conversationId: string) => fc.Arbitrary<string>, body?: fc.Arbitrary<Buffer>) {
  return callerOf(w).chain(({ auth, conversationId }) =>
    request({ method, target: path(conversationId), headers: dlHeaders(w).map((hs) => [...auth, ...hs]), ...(body ? { body } : {}) }),
  );
}

/** A request without a conversation in its path. */
function callerRequest(w: DirectLineWorld, path: string, body: fc.Arbitrary<Buffer>, secretFirst = false) {
  return request({ method: post, target: fc.constant(path), headers: fc.tuple(authorization(w, secretFirst), dlHeaders(w)).map(([a, b]) => [...a, ...b]), body });
}

const startOptions: Json[] = [{}, { locale: 'fr' }, { property: PROPERTY, user: { id: 'u-fuzz', name: 'Camille' }, locale: 'en' }, { property: 'gite-des-tilleuls' }];

const activities: Json[] = [
  { type: 'message', text: 'Bonjour, avez-vous une chambre du 12 au 15 décembre ?', locale: 'fr-FR', textFormat: 'plain', from: { id: 'spoofed', name: 'Camille' }, channelData: { clientActivityID: 'c-1' } },
  { type: 'message', text: 'help', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png', name: 'a.png' }], entities: [{ type: 'ClientCapabilities', requiresBotState: true }] },
  { type: 'event', name: 'webchat/join', value: { language: 'es' } },
  { type: 'typing' },
];

const post = fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: ANY_METHOD });
const get = fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD });

/** Our Direct Line 3.0 (tokens, conversations, activities, polling, the stream) and the widget's token endpoint. */
describe('fuzz: web chat (Direct Line and the widget token)', () => {
  const world = fuzzEndpoints<DirectLineWorld>(startDirectLine, [
    {
      name: 'POST /v3/directline/tokens/generate',
      request: (w) => callerRequest(w, `${DL}/tokens/generate`, bodies(startOptions), true),
    },
    {
      name: 'POST /v3/directline/tokens/refresh',
      request: (w) => callerRequest(w, `${DL}/tokens/refresh`, bodies([{}])),
    },
    {
      name: 'POST /v3/directline/conversations (start or resume)',
      request: (w) => callerRequest(w, `${DL}/conversations`, bodies(startOptions)),
    },
    {
      name: 'GET /v3/directline/conversations/:id (resume with a watermark)',
      request: (w) => conversationRequest(w, get, (id) => watermarkQuery.map((q) => `${DL}/conversations/${id}${q}`)),
    },
    {
      name: 'GET /v3/directline/conversations/:id/activities (polling)',
      request: (w) => conversationRequest(w, get, (id) => watermarkQuery.map((q) => `${DL}/conversations/${id}/activities${q}`)),
    },
    {
      name: 'POST /v3/directline/conversations/:id/activities (message, event, typing of every shape)',
      request: (w) => conversationRequest(w, post, (id) => fc.constant(`${DL}/conversations/${id}/activities`), bodies(activities, { longestRun: LONGEST_GUEST_TEXT, keep: ['type'] })),
    },
    {
      name: 'OPTIONS /v3/directline/* and /webchat/token (CORS preflight)',
      request: (w) =>
        request({
          method: fc.oneof({ weight: 6, arbitrary: fc.constant('OPTIONS') }, { weight: 1, arbitrary: ANY_METHOD }),
          target: fc.tuple(fc.constantFrom(`${DL}/tokens/generate`, `${DL}/tokens/refresh`, `${DL}/conversations`, `${DL}/conversations/x`, `${DL}/conversations/x/activities`, '/webchat/token'), conversationSegment(w)).map(([path, id]) => path.replace('/x', `/${id}`)),
          headers: fc
            .tuple(authorization(w), dlHeaders(w), fc.constantFrom('POST', 'GET', 'DELETE', '', 'x'), fc.constantFrom('authorization, content-type', 'x-evil', ''))
            .map(([a, hs, m, h]): [string, string][] => [...a, ...hs, ['access-control-request-method', m], ['access-control-request-headers', h]]),
        }),
    },
    {
      name: 'GET /v3/directline/conversations/:id/stream (WebSocket upgrade)',
      request: (w) =>
        request({
          method: get,
          upgrade: true,
          target: fc
            .tuple(
              fc.oneof(
                { weight: 3, arbitrary: fc.constant([w.started.conversationId, w.started.token]) },
                { weight: 3, arbitrary: fc.nat({ max: 1_000_000 }).map((n) => [w.fresh(n).conversationId, w.fresh(n).token]) },
                { weight: 2, arbitrary: fc.tuple(conversationSegment(w), fc.oneof(fc.constant(w.secret), fc.constant(w.expired), fc.constant(w.started.token), nearly(w.started.token), oddText(30))) },
              ),
              fc.oneof({ weight: 8, arbitrary: fc.constant('/stream') }, { weight: 1, arbitrary: fc.constantFrom('/stream/x', '/streams', '/stream/') }),
              fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
              watermarkQuery,
            )
            .map(([[id, t], tail, withT, q]) => `${DL}/conversations/${id}${tail}${q ? `${q}&` : '?'}${withT ? `t=${pct(t)}` : ''}`),
          headers: fc
            .tuple(
              fc.oneof({ weight: 2, arbitrary: fc.constant<[string, string][]>([]) }, { weight: 1, arbitrary: authorization(w) }),
              fc.oneof(
                { weight: 5, arbitrary: fc.constant<[string, string][]>([['upgrade', 'websocket'], ['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['sec-websocket-version', '13']]) },
                { weight: 1, arbitrary: fc.constant<[string, string][]>([['upgrade', 'websocket']]) },
                { weight: 1, arbitrary: fc.tuple(fc.constantFrom('websocket', 'h2c', 'WebSocket', ''), oddText(30), fc.constantFrom('13', '8', '', 'x')).map(([u, k, v]): [string, string][] => [['upgrade', u], ['sec-websocket-key', k.replace(/[\r\n]/g, '')], ['sec-websocket-version', v]]) },
              ),
              headers([fc.constantFrom(w.origin, 'https://evil.example').map((o): [string, string] => ['origin', o])]),
            )
            .map(([a, b, c]) => [...a, ...b, ...c]),
        }),
    },
    {
      name: 'POST /webchat/token (origins, properties, locales)',
      request: (w) =>
        request({
          method: post,
          target: fc.constant('/webchat/token'),
          headers: fc
            .tuple(
              fc.oneof(
                { weight: 4, arbitrary: fc.constant<[string, string][]>([['origin', w.origin]]) },
                { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'null', '', `${w.origin}/`, w.origin.toUpperCase()).map((o): [string, string][] => [['origin', o]]) },
                { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
              ),
              jsonType,
              headers(),
            )
            .map(([a, b, c]) => [...a, ...b, ...c]),
          body: bodies([{ property: PROPERTY, locale: 'fr' }, { property: 'gite-des-tilleuls' }]),
        }),
    },
  ]);

  describe('found by fuzzing', () => {
    describe('a Direct Line token whose conversation has not started yet', () => {
      let n = 0;
      const freshToken = () => {
        const conversationId = `regression${String(++n).padStart(6, '0')}`;
        return { conversationId, token: world().app.webchat.tokens.issue({ c: conversationId, p: 'chateau-de-vauclair', u: `dl_regression${n}` }).token };
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
          const res = await send(world().base, requestOf(conversationId, token));
          expect({ what, status: res.status }).toEqual({ what, status: 400 });
          expect({ what, started: await world().app.webchat.log.get(conversationId) }).toEqual({ what, started: null });
        }
        const { conversationId, token } = freshToken();
        const ok = await send(world().base, { target: `/v3/directline/conversations/${conversationId}/activities`, headers: auth(token) });
        expect(ok.status).toBe(200);
        expect(await world().app.webchat.log.get(conversationId)).toMatchObject({ conversationId });
      });

      it('starts nothing when the stream handshake is refused, and starts once it is accepted', async () => {
        const stream = (id: string, token: string, key: [string, string][]) =>
          send(world().base, { target: `/v3/directline/conversations/${id}/stream?t=${encodeURIComponent(token)}`, upgrade: true, headers: [['upgrade', 'websocket'], ['sec-websocket-version', '13'], ...key] });
        const { conversationId, token } = freshToken();
        const refused = await stream(conversationId, token, []);
        expect(refused.status).toBe(400);
        expect(reasonIn(refused.body)).toMatch(/Sec-WebSocket-Key/);
        expect(await world().app.webchat.log.get(conversationId)).toBeNull();

        const accepted = await stream(conversationId, token, [['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ==']]);
        expect(accepted.status).toBe(101);
        // The greeting is the start's last step: once it is logged, the conversation has started.
        const started = async (): Promise<unknown> => ((await world().app.webchat.log.read(conversationId, null, 10)).activities.length ? world().app.webchat.log.get(conversationId) : new Promise((r) => setTimeout(r, 20)).then(started));
        expect(await started()).toMatchObject({ conversationId });

        // Bytes right behind the handshake are WebSocket frames, here invalid ones: the stream drops, the server stays up.
        const next = freshToken();
        const garbage = await send(world().base, {
          target: `/v3/directline/conversations/${next.conversationId}/stream?t=${encodeURIComponent(next.token)}`,
          upgrade: true,
          headers: [['upgrade', 'websocket'], ['sec-websocket-version', '13'], ['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ==']],
          body: Buffer.from('\u00ff\u00ff not a frame'),
          framing: 'length',
        });
        expect(garbage.status).toBe(101);
        expect((await send(world().base, { target: '/health' })).status).toBe(200);
      });
    });

    it('answers a stream path with a broken escape (%) with 404, not 500', async () => {
      const { token } = world().started;
      for (const id of ['%', '%zz', 'a%2', '%E9']) {
        const res = await send(world().base, {
          target: `/v3/directline/conversations/${id}/stream?t=${encodeURIComponent(token)}`,
          upgrade: true,
          headers: [['upgrade', 'websocket'], ['sec-websocket-version', '13'], ['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ==']],
        });
        expect({ id, status: res.status, reason: reasonIn(res.body) }).toEqual({ id, status: 404, reason: 'no such conversation' });
      }
    });
  });
});
