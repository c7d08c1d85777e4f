import type { StaffAlert, StaffNotifier } from '../../domain/ports';
import { SIGNATURE_HEADER, signBody } from './webhook-signature';

export interface WebhookNotifierOptions {
  url: string;
  /** Shared with the receiver, which checks the signature over the raw body. */
  secret: string;
  timeoutMs?: number;
  /** Tries in all, for network errors, timeouts, 429 and 5xx. */
  attempts?: number;
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * POSTs each alert as JSON to the property's webhook (a Slack relay, a PMS, an on-call tool),
 * signed with HMAC-SHA256 of the exact body sent. The body names the alert kind and ids only.
 * Throws once every attempt failed, so the caller can log it.
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): StaffNotifier {
  const attempts = Math.max(1, options.attempts ?? 3);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoffMs = options.backoffMs ?? 1_000;
  const sleep = options.sleep ?? sleepFor;
  return {
    async notify(alert: StaffAlert): Promise<void> {
      const body = JSON.stringify({ type: 'staff_alert', alert });
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'Majordome-Alerts/1.0',
        'x-majordome-event': alert.kind,
        [SIGNATURE_HEADER]: signBody(options.secret, body),
      };
      let last = new WebhookDeliveryError('no attempt made', null);
      for (let i = 0; i < attempts; i++) {
        if (i > 0) await sleep(backoffMs * 4 ** (i - 1));
        try {
          const res = await fetch(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
          await res.body?.cancel().catch(() => undefined);
          if (res.ok) return;
          last = new WebhookDeliveryError(`webhook answered HTTP ${res.status}`, res.status);
          if (res.status !== 429 && res.status < 500) break;
        } catch (error) {
          const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : 'error';
          last = new WebhookDeliveryError(`webhook unreachable: ${name}`, null);
        }
      }
      throw last;
    },
  };
}
