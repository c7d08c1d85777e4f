import type { GuestMessenger, PaymentGateway, StaffNotifier } from '../ports';
import type { UseCaseDeps } from './deps';

/** What answering a request needs beyond the store: a payment link, the guest's ear and the staff's. */
export interface RequestDeps extends UseCaseDeps {
  payments: PaymentGateway;
  messenger: GuestMessenger;
  /** Told when a request lapses unanswered, so someone can still reach the guest. */
  notifier: StaffNotifier;
}
