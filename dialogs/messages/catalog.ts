import type { Locale } from '../../domain/catalog/locales';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

const CATALOGS: Record<Locale, Messages> = { en, fr, es, pt };

export type MessageKey = keyof Messages;
export type ParamsOf<K extends MessageKey> = Messages[K] extends (p: infer P) => string ? P : undefined;

/** `t('fr', 'minStay', { nights: 2 })`: a message in the guest's language. */
export type ArgsOf<K extends MessageKey> = ParamsOf<K> extends undefined ? [] : [ParamsOf<K>];

export function t<K extends MessageKey>(locale: Locale, key: K, ...params: ArgsOf<K>): string {
  const entry = CATALOGS[locale][key] as string | ((p: unknown) => string);
  return typeof entry === 'function' ? entry(params[0]) : entry;
}

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}
