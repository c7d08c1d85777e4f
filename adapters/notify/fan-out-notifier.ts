import type { StaffAlert, StaffNotifier } from '../../domain/ports';
import type { AlertLog } from './alert-log';

/**
 * Tells every channel; one failing never stops the others, and never reaches the caller
 * (an import must not fail because a webhook is down). Failures are logged with ids only.
 */
export function fanOutNotifier(channels: { name: string; notifier: StaffNotifier }[], log: AlertLog): StaffNotifier {
  return {
    async notify(alert: StaffAlert): Promise<void> {
      const results = await Promise.allSettled(channels.map((c) => c.notifier.notify(alert)));
      results.forEach((r, i) => {
        if (r.status === 'rejected') {
          const reason = r.reason instanceof Error ? r.reason.message : 'failed';
          log.error({ channel: channels[i]?.name, propertyId: alert.propertyId, kind: alert.kind, reason }, 'staff alert not delivered');
        }
      });
    },
  };
}
