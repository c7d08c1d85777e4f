import type { Night } from '../../domain/calendar/nights';
import type { Locale } from '../../domain/catalog/locales';

export const INTENTS = ['book', 'manage_booking', 'concierge', 'feedback', 'faq', 'handoff', 'greeting', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

/** Words that steer the conversation itself rather than the booking. */
export type Command = 'help' | 'cancel' | 'start_over' | 'yes' | 'no';

export interface UnderstandOptions {
  /** The conversation's locale so far; detection may override it when the text is clearly another language. */
  locale?: Locale;
  now: Date;
  /** The property's time zone: "today" and "tonight" are the property's. */
  timeZone: string;
  /**
   * The arrival already under discussion. A correction that names only a day of the month
   * ("actually the 14th", "plutôt le 14") means that day in the month being discussed, not
   * the next 14th from today.
   */
  anchor?: Night;
  /** Names guests may use for each unit type ("suite", "chambre supérieure"), to spot a mention. */
  unitTypes?: { id: string; names: string[] }[];
}

export interface Understanding {
  locale: Locale;
  intent: Intent;
  /** Both null when the text names no date; checkOut null when it gives an arrival only. */
  stay: { checkIn: Night | null; checkOut: Night | null };
  /** Length of stay when said without a departure ("3 nights"), so a later arrival date completes it. */
  nights: number | null;
  party: { adults: number | null; children: number | null };
  entities: {
    email: string | null;
    phone: string | null;
    reference: string | null;
    unitTypeId: string | null;
  };
  command: Command | null;
  /** "in English please", "en français" */
  switchLocale: Locale | null;
}
