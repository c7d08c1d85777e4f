export const LOCALES = ['en', 'fr', 'es', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

export type LocalizedText = Partial<Record<Locale, string>>;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The text in `locale`, else English, else French, else whatever the hotel wrote. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en ?? text.fr ?? Object.values(text).find((v) => v !== undefined) ?? '';
}
