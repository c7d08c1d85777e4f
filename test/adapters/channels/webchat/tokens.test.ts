import { DirectLineTokens } from '../../../../adapters/channels/webchat/tokens';

const NOW = Date.parse('2027-11-20T09:00:00Z');

describe('Direct Line token signatures', () => {
  const tokens = new DirectLineTokens('a-direct-line-secret-for-this-test-only-0123', 1800, () => NOW);
  const { token } = tokens.issue({ c: 'conv-1', p: 'chateau-de-vauclair', u: 'dl_user-1' });
  const [payload = '', signature = ''] = token.split('.');

  it('accepts the token as issued', () => {
    expect(signature).toHaveLength(43);
    expect(tokens.check(token)).toMatchObject({ ok: true, claims: { c: 'conv-1', p: 'chateau-de-vauclair', u: 'dl_user-1' } });
  });

  it.each(['=', '==', '!', '%', ' ', '*', '\n', '.'])('refuses the signature with %j appended, which base64url decoding skips', (extra) => {
    expect(Buffer.from(`${signature}${extra}`, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect(tokens.check(`${token}${extra}`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each(['A', 'AAAA', '.x'])('refuses the signature with %j appended', (extra) => {
    expect(tokens.check(`${token}${extra}`).ok).toBe(false);
  });

  it('refuses a signature whose last character is changed to one that decodes to the same bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = [...alphabet]
      .map((c) => `${signature.slice(0, -1)}${c}`)
      .filter((s) => s !== signature && Buffer.from(s, 'base64url').equals(Buffer.from(signature, 'base64url')));
    // 43 characters carry 258 bits for 256: the last one has 2 spare bits, so 3 twins exist.
    expect(sameBytes).toHaveLength(3);
    for (const twin of sameBytes) expect(tokens.check(`${payload}.${twin}`)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses characters inside the signature or payload that base64url would skip', () => {
    expect(tokens.check(`${payload}.${signature.slice(0, 20)}!${signature.slice(20)}`).ok).toBe(false);
    expect(tokens.check(`${payload.slice(0, 5)}=${payload.slice(5)}.${signature}`).ok).toBe(false);
    expect(tokens.check(`${payload}..${signature}`).ok).toBe(false);
    expect(tokens.check(`${payload}.${signature.slice(0, -1)}`).ok).toBe(false);
    expect(tokens.check(`.${signature}`).ok).toBe(false);
    expect(tokens.check(`${'A'.repeat(5000)}.${signature}`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it("refuses another key's signature and an expired token", () => {
    const other = new DirectLineTokens('another-direct-line-secret-for-this-test-0123', 1800, () => NOW);
    expect(other.check(token)).toEqual({ ok: false, reason: 'bad_signature' });
    const later = new DirectLineTokens('a-direct-line-secret-for-this-test-only-0123', 1800, () => NOW + 1801_000);
    expect(later.check(token)).toMatchObject({ ok: false, reason: 'expired' });
  });
});
