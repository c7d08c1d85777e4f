import type { BookingTimers, GuestMessenger, PaymentGateway } from '../ports';
import type { UseCaseDeps } from './deps';

/** What request-to-book needs beyond the store: a payment link, the guest's ear, and deadlines. */
export interface RequestDeps extends UseCaseDeps {
  payments: PaymentGateway;
  messenger: GuestMessenger;
  timers: BookingTimers;
}
