import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Direct Line tokens, signed here and checked here: `<payload>.<signature>`, both base64url,
 * the signature an HMAC-SHA256 of the payload. A token is bound to one conversation of one
 * property and one user, and expires; refreshing one gives a new expiry, same binding.
 *
 * The key is derived from DIRECT_LINE_SECRET, so every instance sharing the secret accepts
 * every other's tokens. Without a secret each process draws a random key: its tokens are
 * worthless on another instance, so a deployment of several instances needs the secret.
 */
export interface TokenClaims {
  /** Conversation id. */
  c: string;
  /** Property id. */
  p: string;
  /** User id, chosen by us: the client never picks who it is. */
  u: string;
  /** Locale of the page that asked for the token, if it said. */
  l?: string | undefined;
  /** Expiry, epoch seconds. */
  exp: number;
}

const claimsSchema = z.object({
  c: z.string().min(1).max(128),
  p: z.string().min(1).max(128),
  u: z.string().min(1).max(128),
  l: z.string().max(35).optional(),
  exp: z.number().int(),
});

const MAX_TOKEN_LENGTH = 4096;
/** base64url payload, a dot, and an HMAC-SHA256: 32 bytes, 43 base64url characters without padding. */
const TOKEN_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired'; claims?: TokenClaims };

export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(
    secret: string | null,
    private readonly ttlSeconds: number,
    private readonly nowMs: () => number,
  ) {
    // A derived key: a token signature never reveals anything usable as the secret itself.
    this.key = secret === null ? randomBytes(32) : createHmac('sha256', secret).update('majordome/direct-line/token-key/v1').digest();
  }

  get expiresIn(): number {
    return this.ttlSeconds;
  }

  issue(binding: Omit<TokenClaims, 'exp'>): { token: string; expires_in: number } {
    const claims: TokenClaims = { ...binding, exp: Math.floor(this.nowMs() / 1000) + this.ttlSeconds };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expires_in: this.ttlSeconds };
  }

  check(token: string): TokenCheck {
    // Strict shape first: Node's base64url decoder skips characters outside the alphabet and
    // ignores the spare bits of the last one, so comparing decoded bytes would accept a
    // signature with characters appended or its last one changed. The strings are compared.
    const shape = token.length > MAX_TOKEN_LENGTH ? null : TOKEN_SHAPE.exec(token);
    if (!shape) return { ok: false, reason: 'malformed' };
    const [, payload = '', signature = ''] = shape;
    if (!timingSafeEqual(Buffer.from(signature, 'ascii'), Buffer.from(this.sign(payload), 'ascii'))) return { ok: false, reason: 'bad_signature' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parsed = claimsSchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    if (parsed.data.exp * 1000 <= this.nowMs()) return { ok: false, reason: 'expired', claims: parsed.data };
    return { ok: true, claims: parsed.data };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** Compares a presented secret with the configured one without leaking where they differ. */
export function secretMatches(presented: string, secret: string): boolean {
  const a = createHmac('sha256', 'majordome/direct-line/compare').update(presented).digest();
  const b = createHmac('sha256', 'majordome/direct-line/compare').update(secret).digest();
  return timingSafeEqual(a, b);
}
