import { isLocale, type Locale } from '../domain/catalog/locales';

/**
 * What the guest reads when a turn fails. Kept here rather than in dialogs/messages because the
 * adapter says it when the dialogs themselves have failed; same four languages.
 */
export const TURN_ERROR_TEXT: Record<'failed' | 'crossed' | 'unavailable' | 'tooFast', Record<Locale, string>> = {
  /** The conversation state was cleared: the guest starts again. */
  failed: {
    en: "Sorry, something went wrong on my side. Let's start again: how can I help?",
    fr: 'Désolé, un problème est survenu de mon côté. Reprenons : que puis-je faire pour vous ?',
    es: 'Lo siento, algo ha fallado por mi parte. Empecemos de nuevo: ¿en qué puedo ayudarle?',
    pt: 'Desculpe, algo correu mal do meu lado. Vamos recomeçar: como posso ajudar?',
  },
  /** Two turns of the conversation saved at once; the other one's state is kept. */
  crossed: {
    en: 'Sorry, two of your messages crossed. Could you send your last one again?',
    fr: 'Désolé, deux de vos messages se sont croisés. Pouvez-vous renvoyer le dernier ?',
    es: 'Lo siento, dos de sus mensajes se han cruzado. ¿Puede enviar el último de nuevo?',
    pt: 'Desculpe, duas das suas mensagens cruzaram-se. Pode enviar a última novamente?',
  },
  /** The store could not be reached: nothing was lost, the guest's progress is kept. */
  unavailable: {
    en: "Sorry, we're having a technical problem. Please try again in a minute: I'll pick up where we left off.",
    fr: 'Désolé, nous rencontrons un problème technique. Merci de réessayer dans une minute : je reprendrai là où nous en étions.',
    es: 'Lo siento, tenemos un problema técnico. Vuelva a intentarlo en un minuto: seguiré donde lo dejamos.',
    pt: 'Desculpe, estamos com um problema técnico. Tente de novo daqui a um minuto: continuarei onde ficámos.',
  },
  /** Said once when a conversation posts faster than its limit; the messages past it are not read. */
  tooFast: {
    en: "You're sending messages faster than I can read them. Please wait a few seconds, then send your last one again.",
    fr: 'Vous envoyez des messages plus vite que je ne peux les lire. Patientez quelques secondes, puis renvoyez le dernier.',
    es: 'Está enviando mensajes más rápido de lo que puedo leerlos. Espere unos segundos y vuelva a enviar el último.',
    pt: 'Está a enviar mensagens mais depressa do que as consigo ler. Aguarde uns segundos e volte a enviar a última.',
  },
};

/** `fr-FR`, `fr_CA`, `FR` → fr; anything else → en. */
export function turnErrorLocale(activityLocale: string | undefined): Locale {
  const language = (activityLocale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : 'en';
}
