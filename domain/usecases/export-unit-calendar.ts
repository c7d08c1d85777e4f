import { dateIn, type Night } from '../calendar/nights';
import { unitExportEntries, type ExportEntry } from '../calendar/unit-export';
import type { Property, Unit } from '../catalog/schema';
import { err, ok, type Result } from '../result';
import type { UseCaseDeps } from './deps';

export interface UnitCalendar {
  property: Property;
  unit: Unit;
  entries: ExportEntry[];
}

/**
 * What the unit's calendar depends on, cheaply: the last entry of the property's booking log
 * (every booking change appends one) and the property's today (departed stays drop out).
 * While it is the same, a calendar built before is still exact.
 */
export async function unitCalendarVersion(deps: Pick<UseCaseDeps, 'store' | 'clock'>, property: Property): Promise<{ version: string; today: Night; changedAt: string | null }> {
  const today = dateIn(property.timeZone, deps.clock.now());
  const [last] = await deps.store.readEvents(property.id, 1);
  const version = last ? `${today}|${last.at}|${last.bookingId}|${last.to}` : `${today}|-`;
  return { version, today, changedAt: last?.at ?? null };
}

/** Our stays and held requests on one unit, as all-day events. No guest data leaves here. */
export async function exportUnitCalendar(
  deps: Pick<UseCaseDeps, 'store' | 'catalog'>,
  req: { propertyId: string; unitId: string; today: Night },
): Promise<Result<UnitCalendar, 'unknown_property' | 'unknown_unit'>> {
  const property = deps.catalog.get(req.propertyId);
  if (!property) return err('unknown_property');
  const unit = property.units.find((u) => u.id === req.unitId);
  if (!unit) return err('unknown_unit');
  const bookings = await deps.store.listBookings(property.id);
  return ok({ property, unit, entries: unitExportEntries(bookings, unit.id, req.today) });
}
