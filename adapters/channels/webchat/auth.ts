import { problem, type DirectLineProblem } from './direct-line-error';
import { secretMatches, type DirectLineTokens, type TokenClaims } from './tokens';

/** Who is calling: the site's backend with the secret, or a page with a token for one conversation. */
export type Caller = { kind: 'secret' } | { kind: 'token'; claims: TokenClaims };

export function bearerOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

export function authenticate(credential: string | null, secret: string | null, tokens: DirectLineTokens): Caller | DirectLineProblem {
  if (credential === null) return problem(401, 'Unauthorized', 'missing credentials: send Authorization: Bearer <secret or token>');
  if (secret !== null && secretMatches(credential, secret)) return { kind: 'secret' };
  const checked = tokens.check(credential);
  if (checked.ok) return { kind: 'token', claims: checked.claims };
  if (checked.reason === 'expired') return problem(403, 'TokenExpired', 'the token has expired; get a new one');
  return problem(401, 'Unauthorized', secret === null ? 'invalid token (this server has no Direct Line secret: only tokens from /webchat/token work)' : 'invalid secret or token');
}

/** A token opens its own conversation only. */
export function mayUse(caller: Caller, conversationId: string): DirectLineProblem | null {
  if (caller.kind === 'secret' || caller.claims.c === conversationId) return null;
  return problem(403, 'Forbidden', 'this token is for another conversation');
}
