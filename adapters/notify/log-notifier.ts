import type { StaffAlert, StaffNotifier } from '../../domain/ports';
import type { AlertLog } from './alert-log';

/**
 * Writes every staff alert to the log at warn level: the notifier that always works, so an
 * alert is never lost even when no webhook is configured. Alerts hold ids and references only.
 */
export function createLogNotifier(log: AlertLog): StaffNotifier {
  return {
    async notify(alert: StaffAlert): Promise<void> {
      log.warn({ staffAlert: { propertyId: alert.propertyId, kind: alert.kind, data: alert.data, at: alert.at } }, `staff alert: ${alert.summary}`);
    },
  };
}
