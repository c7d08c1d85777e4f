import { checkEventEnvelope, signedAt, STRIPE_CLOCK_SKEW_SECONDS } from '../../../adapters/payments/stripe/stripe-events';

const NOW = 1_800_000_000;
const event = (over: Record<string, unknown> = {}) => ({ id: 'evt_1Abc', type: 'checkout.session.completed', created: NOW - 10, data: { object: { id: 'cs_1' } }, ...over });
const header = (t: number | string) => `t=${t},v1=${'a'.repeat(64)}`;

describe('the envelope of a verified Stripe event', () => {
  it('reads the signing time as the SDK does: the last t= wins', () => {
    expect(signedAt(header(NOW))).toBe(NOW);
    expect(signedAt(`t=1,v1=x,t=${NOW}`)).toBe(NOW);
    expect(signedAt('v1=x')).toBeNull();
    expect(signedAt('t=soon,v1=x')).toBeNull();
  });

  it('accepts a well-formed event created and signed up to now plus the skew', () => {
    expect(checkEventEnvelope(event(), header(NOW), NOW)).toMatchObject({ ok: true });
    const edge = NOW + STRIPE_CLOCK_SKEW_SECONDS;
    expect(checkEventEnvelope(event({ created: edge }), header(edge), NOW)).toMatchObject({ ok: true });
  });

  it.each([
    ['no id', { id: undefined }, 'id: expected the event id'],
    ['a numeric id', { id: 7 }, 'id: expected the event id'],
    ['an empty id', { id: '' }, 'id: expected the event id'],
    ['an id that is not an event id', { id: 'cs_123' }, 'id: expected the event id'],
    ['no type', { type: undefined }, 'type: expected the event type'],
    ['a created that is not a number', { created: '1800000000' }, 'created: expected the creation time'],
    ['no data', { data: undefined }, 'data: expected the event data'],
    ['a data object that is not an object', { data: { object: 'cs_1' } }, 'data.object: expected the event object'],
  ])('refuses %s with the field and a reason', (_label, over, reason) => {
    const check = checkEventEnvelope(event(over), header(NOW), NOW);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.reasons).toEqual([expect.stringContaining(reason)]);
  });

  it('refuses a body that is not an object at all', () => {
    for (const body of [null, [], 'evt_1', 3]) expect(checkEventEnvelope(body, header(NOW), NOW).ok).toBe(false);
  });

  it('refuses a signature dated beyond the skew, and an event created after its signature', () => {
    const late = NOW + STRIPE_CLOCK_SKEW_SECONDS + 1;
    expect(checkEventEnvelope(event(), header(late), NOW)).toEqual({ ok: false, reasons: ['Stripe-Signature: signed in the future'] });
    expect(checkEventEnvelope(event({ created: late }), header(NOW), NOW)).toEqual({ ok: false, reasons: ['created: the event is dated after it was signed'] });
    expect(checkEventEnvelope(event(), 'v1=abc', NOW)).toEqual({ ok: false, reasons: ['Stripe-Signature: expected a t= timestamp'] });
  });
});
