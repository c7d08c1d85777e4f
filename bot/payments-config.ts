import { z } from 'zod';
import { parseEnvSection } from './env-section';

/**
 * The payment variables; `bot/config.ts` validates them with the rest. No Stripe key: the demo
 * checkout page, and `npm start` works offline.
 */
export const paymentsEnvShape = {
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/, { error: 'expected a Stripe secret key such as sk_test_… or sk_live_… (or a restricted rk_… key)' })
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]{8,}$/, { error: 'expected the webhook endpoint signing secret, whsec_…' })
    .optional(),
  PAYMENT_LINK_SECRET: z.string().min(32, { error: 'expected at least 32 characters (e.g. `openssl rand -hex 32`)' }).optional(),
};

interface PaymentsEnv {
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
}

/** A key without its webhook secret would take money and never confirm a booking: refuse to start. */
export function paymentsEnvCheck(e: PaymentsEnv, ctx: z.RefinementCtx): void {
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'required when STRIPE_SECRET_KEY is set' });
  if (!e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['STRIPE_SECRET_KEY'], message: 'required when STRIPE_WEBHOOK_SECRET is set' });
}

const paymentsEnvSchema = z.object(paymentsEnvShape).superRefine(paymentsEnvCheck);

export interface PaymentsConfig {
  /** Null: the demo checkout page. */
  stripe: { secretKey: string; webhookSecret: string } | null;
  /**
   * Signs payment and calendar links. Null: derived from the Stripe key, or, in demo mode, a
   * random secret per process (links then last until a restart).
   */
  linkSecret: string | null;
}

export class PaymentsConfigError extends Error {}

export function loadPaymentsConfig(env: NodeJS.ProcessEnv): PaymentsConfig {
  const e = parseEnvSection(env, paymentsEnvSchema, PaymentsConfigError);
  return {
    stripe: e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET } : null,
    linkSecret: e.PAYMENT_LINK_SECRET ?? null,
  };
}
