import type { StaffNotifier } from '../../domain/ports';
import type { AlertLog } from './alert-log';
import { fanOutNotifier } from './fan-out-notifier';
import { createLogNotifier } from './log-notifier';
import { createWebhookNotifier, type WebhookNotifierOptions } from './webhook-notifier';

export type { AlertLog } from './alert-log';
export { createLogNotifier } from './log-notifier';
export { createWebhookNotifier, WebhookDeliveryError, type WebhookNotifierOptions } from './webhook-notifier';
export { SIGNATURE_HEADER, signBody, verifySignature } from './webhook-signature';

/** The log always; a signed webhook too when one is configured. */
export function createStaffNotifier(log: AlertLog, webhook: WebhookNotifierOptions | null): StaffNotifier {
  const channels = [{ name: 'log', notifier: createLogNotifier(log) }];
  if (webhook) channels.push({ name: 'webhook', notifier: createWebhookNotifier(webhook) });
  return fanOutNotifier(channels, log);
}
