import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumePoint } from '../../rate-limit/consume';
import { isStoreUnavailable } from '../../store/unavailable';
import { authenticate, bearerOf, mayUse, type Caller } from './auth';
import type { ConversationRecord } from './activity-log';
import { isProblem, problem, sendDirectLineError, type DirectLineProblem } from './direct-line-error';
import { isConversationId, type DirectLineService } from './direct-line-service';
import { incomingActivitySchema, MAX_ACTIVITY_BYTES, startOptionsSchema } from './incoming-activity';
import { readJsonBody } from './json-body';
import type { OriginPolicy } from './origins';
import type { DirectLineTokens, TokenClaims } from './tokens';

export const DIRECT_LINE_BASE = '/v3/directline';

export interface DirectLineHttpDeps {
  service: DirectLineService;
  tokens: DirectLineTokens;
  /** DIRECT_LINE_SECRET; null: secret auth off, tokens from /webchat/token only. */
  secret: string | null;
  origins: OriginPolicy;
  /** `ws://host` or `wss://host` of a request, for the stream URLs we hand out. */
  streamBase(req: Request): string;
  /** Messages one conversation may post in a window (a token opens one conversation, so this is per token too). */
  postLimiter: RateLimiterAbstract;
  /** Says once, in the conversation, that the guest writes faster than the assistant reads. */
  tellTooFast(record: ConversationRecord): Promise<void>;
  logger: Logger;
}

type Handler = (req: Request, res: Response) => Promise<void>;

const START_BODY_BYTES = 4 * 1024;

function queryValue(req: Request, name: string): string | undefined {
  const query: unknown = req.query;
  if (typeof query !== 'object' || query === null) return undefined;
  const value: unknown = Reflect.get(query, name);
  return typeof value === 'string' ? value : undefined;
}

/** `''` and `-` mean "from the start", as on Azure; anything else must be a watermark we gave out. */
export function watermarkOf(value: string | undefined, isWatermark: (v: string) => boolean): string | null | DirectLineProblem {
  if (value === undefined || value === '' || value === '-') return null;
  return isWatermark(value) ? value : problem(400, 'BadArgument', 'invalid watermark: pass back the one you were given');
}

export function issueFor(tokens: DirectLineTokens, binding: Omit<TokenClaims, 'exp'>): { conversationId: string; token: string; expires_in: number } {
  return { conversationId: binding.c, ...tokens.issue(binding) };
}

/** Only the binding of a token, without its expiry: what a new token for the same conversation carries. */
export function bindingOf(claims: TokenClaims): Omit<TokenClaims, 'exp'> {
  const { exp: _exp, ...binding } = claims;
  return binding;
}

/**
 * Direct Line 3.0 under /v3/directline, as the official clients call it: tokens, start,
 * resume (with a fresh stream URL), post, and polling. The stream itself is DirectLineStreams.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineHttpDeps): void {
  const { service, tokens, origins, logger } = deps;

  const guarded = (handler: Handler): Handler => async (req, res) => {
    origins.cors(req.headers, res);
    try {
      await handler(req, res);
    } catch (error) {
      const unavailable = isStoreUnavailable(error);
      logger.error({ route: req.getRoute()?.path, err: error instanceof Error ? error.message : 'unknown', storeUnavailable: unavailable }, 'direct line request failed');
      if (res.headersSent) return;
      if (unavailable) {
        // A store outage passes: tell the client when to try again rather than that it failed.
        res.setHeader('retry-after', '30');
        sendDirectLineError(res, problem(503, 'ServiceUnavailable', 'the service cannot reach its store right now; try again in a minute'));
      } else {
        sendDirectLineError(res, problem(500, 'ServiceError', 'the request could not be served; try again'));
      }
    }
  };
  const preflight: Handler = async (req, res) => {
    origins.cors(req.headers, res);
    res.send(204);
  };
  const fail = (res: Response, p: DirectLineProblem): void => {
    if (p.status === 413) res.setHeader('connection', 'close');
    sendDirectLineError(res, p);
  };
  const caller = (req: Request): Caller | DirectLineProblem => authenticate(bearerOf(req.headers.authorization), deps.secret, tokens);

  /**
   * The conversation of the URL, if this caller may use it. A token's own conversation starts
   * on first use, but only by `open()`, once the rest of the request has been checked: a
   * refused request starts nothing.
   */
  const conversationFor = async (req: Request): Promise<{ caller: Caller; open: () => Promise<ConversationRecord> } | DirectLineProblem> => {
    const who = caller(req);
    if (isProblem(who)) return who;
    const id = String(req.params.conversationId ?? '');
    const refused = mayUse(who, id);
    if (refused) return refused;
    if (!isConversationId(id)) return problem(404, 'NotFound', 'no such conversation');
    if (who.kind === 'token') {
      const binding = bindingOf(who.claims);
      return { caller: who, open: async () => (await service.ensureStarted(binding)).record };
    }
    const record = await service.record(id);
    return record ? { caller: who, open: async () => record } : problem(404, 'NotFound', 'no such conversation');
  };

  const streamUrl = (req: Request, conversationId: string, watermark: string | null, token: string): string =>
    `${deps.streamBase(req)}${DIRECT_LINE_BASE}/conversations/${conversationId}/stream?watermark=${encodeURIComponent(watermark ?? '')}&t=${encodeURIComponent(token)}`;

  const startOptions = async (req: Request) => {
    const body = await readJsonBody(req, START_BODY_BYTES);
    if (!body.ok) return body.problem;
    const parsed = startOptionsSchema.safeParse(body.value ?? {});
    if (!parsed.success) return problem(400, 'BadArgument', `invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
    return parsed.data;
  };

  const routes: { path: string; get?: Handler; post?: Handler }[] = [
    {
      path: `${DIRECT_LINE_BASE}/tokens/generate`,
      post: async (req, res) => {
        const who = caller(req);
        if (isProblem(who)) return fail(res, who);
        if (who.kind !== 'secret') return fail(res, problem(403, 'Forbidden', 'tokens/generate takes the secret, not a token'));
        const options = await startOptions(req);
        if (isProblem(options)) return fail(res, options);
        const propertyId = options.property ?? service.defaultPropertyId;
        if (!service.hasProperty(propertyId)) return fail(res, problem(404, 'NotFound', `no property "${propertyId}"`));
        const binding = service.newBinding(propertyId, options.locale);
        if (options.user?.id) binding.u = options.user.id;
        res.send(200, issueFor(tokens, binding));
      },
    },
    {
      path: `${DIRECT_LINE_BASE}/tokens/refresh`,
      post: async (req, res) => {
        const who = caller(req);
        if (isProblem(who)) return fail(res, who);
        if (who.kind !== 'token') return fail(res, problem(400, 'BadArgument', 'tokens/refresh takes a token, not the secret'));
        res.send(200, issueFor(tokens, bindingOf(who.claims)));
      },
    },
    {
      path: `${DIRECT_LINE_BASE}/conversations`,
      post: async (req, res) => {
        const who = caller(req);
        if (isProblem(who)) return fail(res, who);
        const options = await startOptions(req);
        if (isProblem(options)) return fail(res, options);
        let binding: Omit<TokenClaims, 'exp'>;
        if (who.kind === 'token') {
          binding = bindingOf(who.claims);
          if (!binding.l && options.locale) binding.l = options.locale;
        } else {
          const propertyId = options.property ?? service.defaultPropertyId;
          if (!service.hasProperty(propertyId)) return fail(res, problem(404, 'NotFound', `no property "${propertyId}"`));
          binding = service.newBinding(propertyId, options.locale);
          if (options.user?.id) binding.u = options.user.id;
        }
        const { created } = await service.ensureStarted(binding);
        const issued = issueFor(tokens, binding);
        res.send(created ? 201 : 200, { ...issued, streamUrl: streamUrl(req, binding.c, null, issued.token) });
      },
    },
    {
      path: `${DIRECT_LINE_BASE}/conversations/:conversationId`,
      get: async (req, res) => {
        const found = await conversationFor(req);
        if (isProblem(found)) return fail(res, found);
        const watermark = watermarkOf(queryValue(req, 'watermark'), service.log.isWatermark.bind(service.log));
        if (isProblem(watermark)) return fail(res, watermark);
        const record = await found.open();
        const issued = issueFor(tokens, { c: record.conversationId, p: record.propertyId, u: record.userId, ...(record.locale ? { l: record.locale } : {}) });
        res.send(200, { ...issued, streamUrl: streamUrl(req, record.conversationId, watermark, issued.token) });
      },
    },
    {
      path: `${DIRECT_LINE_BASE}/conversations/:conversationId/activities`,
      get: async (req, res) => {
        const found = await conversationFor(req);
        if (isProblem(found)) return fail(res, found);
        const watermark = watermarkOf(queryValue(req, 'watermark'), service.log.isWatermark.bind(service.log));
        if (isProblem(watermark)) return fail(res, watermark);
        const batch = await service.read((await found.open()).conversationId, watermark);
        res.send(200, { activities: batch.activities, ...(batch.watermark !== undefined ? { watermark: batch.watermark } : {}) });
      },
      post: async (req, res) => {
        const found = await conversationFor(req);
        if (isProblem(found)) return fail(res, found);
        const decision = await consumePoint(deps.postLimiter, String(req.params.conversationId));
        if (!decision.allowed) {
          // Refusals come only after the posts that used up the window, so the conversation exists.
          if (decision.firstRefusal) await deps.tellTooFast(await found.open());
          res.setHeader('retry-after', String(decision.retryAfterSeconds));
          return fail(res, problem(429, 'TooManyRequests', 'this conversation is sending messages too fast; wait a few seconds'));
        }
        const body = await readJsonBody(req, MAX_ACTIVITY_BYTES);
        if (!body.ok) return fail(res, body.problem);
        const parsed = incomingActivitySchema.safeParse(body.value);
        if (!parsed.success) {
          return fail(res, problem(400, 'BadArgument', `invalid activity: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`));
        }
        const posted = await service.post(await found.open(), parsed.data);
        if (isProblem(posted)) return fail(res, posted);
        res.send(200, posted);
      },
    },
  ];

  for (const route of routes) {
    if (route.get) server.get(route.path, guarded(route.get));
    if (route.post) server.post(route.path, guarded(route.post));
    server.opts(route.path, preflight);
  }
}
