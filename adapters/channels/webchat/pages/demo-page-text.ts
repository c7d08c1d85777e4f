/** The demo website's own words (the property's come from its file). */
export type DemoLocale = 'fr' | 'en';

export interface DemoText {
  switchTo: { lang: DemoLocale; label: string };
  rooms: string;
  estate: string;
  practical: string;
  sleeps: (adults: number, children: number) => string;
  checkIn: (time: string) => string;
  checkOut: (time: string) => string;
  contact: string;
  chatHint: string;
  skip: string;
  official: string;
}

export const DEMO_TEXT: Record<DemoLocale, DemoText> = {
  fr: {
    switchTo: { lang: 'en', label: 'English' },
    rooms: 'Nos chambres',
    estate: 'Le domaine',
    practical: 'Informations pratiques',
    sleeps: (a, c) => `Jusqu’à ${a} adulte${a > 1 ? 's' : ''}${c ? ` et ${c} enfant${c > 1 ? 's' : ''}` : ''}`,
    checkIn: (t) => `Arrivée à partir de ${t}`,
    checkOut: (t) => `Départ avant ${t}`,
    contact: 'Nous contacter',
    chatHint: 'Une question, une envie de séjour ? Notre conciergerie vous répond à toute heure : touchez la bulle en bas à droite.',
    skip: 'Aller au contenu',
    official: 'La même conversation dans Web Chat de Microsoft',
  },
  en: {
    switchTo: { lang: 'fr', label: 'Français' },
    rooms: 'Our rooms',
    estate: 'The estate',
    practical: 'Practical information',
    sleeps: (a, c) => `Sleeps up to ${a} adult${a > 1 ? 's' : ''}${c ? ` and ${c} child${c > 1 ? 'ren' : ''}` : ''}`,
    checkIn: (t) => `Check-in from ${t}`,
    checkOut: (t) => `Check-out by ${t}`,
    contact: 'Contact us',
    chatHint: 'A question, or planning a stay? Our concierge answers at any hour: tap the bubble at the bottom right.',
    skip: 'Skip to content',
    official: 'The same conversation in Microsoft Web Chat',
  },
};

export function demoLocale(requested: unknown, fallback: string): DemoLocale {
  const tag = typeof requested === 'string' && requested ? requested : fallback;
  return tag.slice(0, 2).toLowerCase() === 'en' ? 'en' : 'fr';
}
