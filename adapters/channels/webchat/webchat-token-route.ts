import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumePoint } from '../../rate-limit/consume';
import { z } from 'zod';
import { problem, sendDirectLineError } from './direct-line-error';
import type { DirectLineService } from './direct-line-service';
import { issueFor } from './direct-line-routes';
import { readJsonBody } from './json-body';
import type { OriginPolicy } from './origins';
import type { DirectLineTokens } from './tokens';

export const WEBCHAT_TOKEN_PATH = '/webchat/token';

const requestSchema = z.object({
  property: z.string({ error: 'expected the property id' }).min(1).max(128),
  locale: z.enum(['en', 'fr', 'es', 'pt'], { error: 'expected en, fr, es or pt' }).optional(),
});

export interface WebchatTokenDeps {
  service: DirectLineService;
  tokens: DirectLineTokens;
  origins: OriginPolicy;
  /** Tokens one client address may get in a window; shared by every instance when the store is. */
  limiter: RateLimiterAbstract;
  /** The client's address: the socket's peer, or the forwarded one behind a trusted proxy. */
  clientAddress(req: Request): string;
  logger: Logger;
}

/**
 * POST /webchat/token `{ property, locale? }` → `{ conversationId, token, expires_in }`: what
 * the widget asks for, from a page of an allowed origin, with no secret (a page cannot keep
 * one). The token opens one new conversation of that property and nothing else. Limited per
 * client address.
 */
export function registerWebchatTokenRoute(server: Server, deps: WebchatTokenDeps): void {
  const limiter = deps.limiter;

  const preflight = async (req: Request, res: Response): Promise<void> => {
    deps.origins.cors(req.headers, res);
    res.send(204);
  };

  const issue = async (req: Request, res: Response): Promise<void> => {
    deps.origins.cors(req.headers, res);
    const origin = req.headers.origin;
    if (typeof origin !== 'string') return sendDirectLineError(res, problem(403, 'Forbidden', 'tokens are given to web pages only: the request has no Origin'));
    if (!deps.origins.allows(origin)) return sendDirectLineError(res, problem(403, 'Forbidden', `origin ${origin.slice(0, 200)} is not allowed to use this web chat`));
    const decision = await consumePoint(limiter, deps.clientAddress(req));
    if (!decision.allowed) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      return sendDirectLineError(res, problem(429, 'TooManyRequests', 'too many conversations started from this address; try again later'));
    }
    const body = await readJsonBody(req, 1024);
    if (!body.ok) return sendDirectLineError(res, body.problem);
    const parsed = requestSchema.safeParse(body.value);
    if (!parsed.success) {
      return sendDirectLineError(res, problem(400, 'BadArgument', `invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`));
    }
    const { property, locale } = parsed.data;
    if (!deps.service.hasProperty(property)) return sendDirectLineError(res, problem(404, 'NotFound', `no property "${property}"`));
    const binding = deps.service.newBinding(property, locale);
    deps.logger.info({ propertyId: property, conversationId: binding.c }, 'web chat token issued');
    res.send(200, issueFor(deps.tokens, binding));
  };

  server.post(WEBCHAT_TOKEN_PATH, issue);
  server.opts(WEBCHAT_TOKEN_PATH, preflight);
}
