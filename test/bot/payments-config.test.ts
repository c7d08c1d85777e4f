import { loadConfig } from '../../bot/config';
import { loadPaymentsConfig } from '../../bot/payments-config';
import fs from 'node:fs';
import path from 'node:path';

describe('payments configuration', () => {
  it('is the demo checkout with nothing set', () => {
    expect(loadPaymentsConfig({})).toEqual({ stripe: null, linkSecret: null });
  });

  it('reads a Stripe key with its webhook secret, and the link secret', () => {
    expect(loadPaymentsConfig({ STRIPE_SECRET_KEY: 'sk_test_abcdefgh12', STRIPE_WEBHOOK_SECRET: 'whsec_abcdefgh12', PAYMENT_LINK_SECRET: 'x'.repeat(32) })).toEqual({
      stripe: { secretKey: 'sk_test_abcdefgh12', webhookSecret: 'whsec_abcdefgh12' },
      linkSecret: 'x'.repeat(32),
    });
  });

  it('refuses half a configuration and malformed values, naming the variable', () => {
    expect(() => loadPaymentsConfig({ STRIPE_SECRET_KEY: 'sk_test_abcdefgh12' })).toThrow('STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set');
    expect(() => loadPaymentsConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_abcdefgh12' })).toThrow('STRIPE_SECRET_KEY: required when STRIPE_WEBHOOK_SECRET is set');
    expect(() => loadPaymentsConfig({ STRIPE_SECRET_KEY: 'pk_test_abcdefgh12', STRIPE_WEBHOOK_SECRET: 'whsec_abcdefgh12' })).toThrow(/STRIPE_SECRET_KEY: expected a Stripe secret key/);
    expect(() => loadPaymentsConfig({ PAYMENT_LINK_SECRET: 'short' })).toThrow(/PAYMENT_LINK_SECRET: expected at least 32 characters/);
    // The process config checks them at start too.
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abcdefgh12' })).toThrow('STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set');
  });

  it('lists every payment variable in .env.example', () => {
    const example = fs.readFileSync(path.resolve(__dirname, '..', '..', '.env.example'), 'utf8');
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'PAYMENT_LINK_SECRET']) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
