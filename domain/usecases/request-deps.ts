import type { BookingTimers, GuestMessenger, PaymentGateway, StaffNotifier } from '../ports';
import type { UseCaseDeps } from './deps';

/** What request-to-book needs beyond the store: a payment link, the guest's ear, the staff's, and deadlines. */
export interface RequestDeps extends UseCaseDeps {
  payments: PaymentGateway;
  messenger: GuestMessenger;
  /** Told when a request lapses unanswered, so someone can still reach the guest. */
  notifier: StaffNotifier;
  timers: BookingTimers;
}
