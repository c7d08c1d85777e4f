import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface BookingEventText {
  uid: string;
  /** YYYY-MM-DD: the arrival day and the departure day, as nights are counted. */
  checkIn: string;
  checkOut: string;
  summary: string;
  /** Reference, room, check-in and check-out times in the property's time zone. */
  description: string;
  location: string;
  /** Epoch ms of the last change, so a re-imported file replaces the old event. */
  stamp: number;
  cancelled: boolean;
}

/**
 * One stay for the guest's own calendar. All-day dates given as strings with no calendar time
 * zone, so no calendar app moves the stay by a day; the hours are written in the description,
 * in the property's time zone.
 */
export function renderBookingEvent(text: BookingEventText): string {
  const cal = ical({ prodId: { company: 'Majordome', product: 'Booking', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  cal.createEvent({
    id: text.uid,
    start: text.checkIn,
    end: text.checkOut,
    allDay: true,
    summary: text.summary,
    description: text.description,
    location: text.location,
    stamp: new Date(text.stamp),
    status: text.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}
