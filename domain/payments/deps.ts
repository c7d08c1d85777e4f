import type { Booking } from '../bookings/booking';
import type { GuestMessenger, PaymentGateway, StaffNotifier } from '../ports';
import type { UseCaseDeps } from '../usecases/deps';

/** What moving money needs: the provider, and the staff for what it refuses. */
export interface MoneyDeps extends UseCaseDeps {
  payments: PaymentGateway;
  notifier: StaffNotifier;
}

/** What settling provider events needs on top: telling the guest, with a link to their calendar file. */
export interface PaymentDeps extends MoneyDeps {
  messenger: GuestMessenger;
  /** The signed address of the booking's `.ics` file, for the confirmation. */
  calendarUrl(booking: Booking): string;
}
