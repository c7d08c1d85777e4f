import type { StaffAlert, StaffNotifier } from '../../domain/ports';
import type { AlertLog } from './alert-log';

/**
 * Writes every staff alert to the log at warn level: the notifier that always works, so an
 * alert is never lost even when no webhook is configured. Alerts hold ids and references only;
 * their signed links (approve, decline) are capabilities, which a log must not carry: they go
 * to the webhook alone, and the log names the fields left out.
 */
export function createLogNotifier(log: AlertLog): StaffNotifier {
  return {
    async notify(alert: StaffAlert): Promise<void> {
      const data: Record<string, unknown> = {};
      const linksLeftOut: string[] = [];
      for (const [key, value] of Object.entries(alert.data)) {
        if (typeof value === 'string' && /^https?:\/\//i.test(value)) linksLeftOut.push(key);
        else data[key] = value;
      }
      const staffAlert = { propertyId: alert.propertyId, kind: alert.kind, data, at: alert.at, ...(linksLeftOut.length ? { linksLeftOut } : {}) };
      log.warn({ staffAlert }, `staff alert: ${alert.summary}`);
    },
  };
}
