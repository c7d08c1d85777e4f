import type { BookingEvents } from '../bookings/booking-events';
import type { Catalog } from '../catalog/catalog';
import type { Clock, Ids, Store } from '../ports';

export interface UseCaseDeps {
  catalog: Catalog;
  store: Store;
  clock: Clock;
  ids: Ids;
  /** Where saved booking changes are announced; absent, nothing listens (tests that do not care). */
  events?: BookingEvents | undefined;
}
