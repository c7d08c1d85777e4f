import type { Locale } from '../../../domain/catalog/locales';

/**
 * The words a guest reads on the provider's checkout page. They come from the message catalogue,
 * which the composition root passes in: adapters do not reach the dialogs.
 */
export interface CheckoutTexts {
  stayLine(locale: Locale, p: { room: string; plan: string; nights: number; checkIn: string; checkOut: string }): string;
  touristTaxLine(locale: Locale): string;
  depositLine(locale: Locale, p: { percent: number; room: string; balance: string }): string;
  dateChangeLine(locale: Locale, p: { reference: string }): string;
  /** The booking's reference, shown under every line. */
  referenceNote(locale: Locale, p: { reference: string }): string;
}
