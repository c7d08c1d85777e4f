/** Every word the widget itself shows or announces, in the page's language. */
export type WidgetLocale = 'en' | 'fr' | 'es' | 'pt';

export interface WidgetStrings {
  open: string;
  close: string;
  title: string;
  messages: string;
  input: string;
  placeholder: string;
  send: string;
  suggestions: string;
  cards: string;
  you: string;
  host: string;
  typing: string;
  connecting: string;
  reconnecting: string;
  offline: string;
  notSent: string;
  tooFast: string;
  unavailable: string;
  newTab: string;
  unread: (n: number) => string;
}

const en: WidgetStrings = {
  open: 'Chat with us',
  close: 'Close the chat',
  title: 'Bookings and questions',
  messages: 'Conversation',
  input: 'Your message',
  placeholder: 'Type your message…',
  send: 'Send',
  suggestions: 'Suggested answers',
  cards: 'Options',
  you: 'You:',
  host: 'Reception:',
  typing: 'Typing…',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost, reconnecting…',
  offline: 'You are offline.',
  notSent: 'Not sent. Check your connection and try again.',
  tooFast: 'Not sent: that was a lot of messages at once. Please wait a few seconds.',
  unavailable: 'Not sent: we have a technical problem. Please try again in a minute.',
  newTab: '(opens in a new tab)',
  unread: (n) => `${n} new message${n > 1 ? 's' : ''}`,
};

const fr: WidgetStrings = {
  open: 'Discuter avec nous',
  close: 'Fermer la discussion',
  title: 'Réservations et questions',
  messages: 'Conversation',
  input: 'Votre message',
  placeholder: 'Écrivez votre message…',
  send: 'Envoyer',
  suggestions: 'Réponses suggérées',
  cards: 'Options',
  you: 'Vous :',
  host: 'Réception :',
  typing: 'En train d’écrire…',
  connecting: 'Connexion…',
  reconnecting: 'Connexion perdue, reconnexion…',
  offline: 'Vous êtes hors ligne.',
  notSent: 'Message non envoyé. Vérifiez votre connexion et réessayez.',
  tooFast: 'Non envoyé : beaucoup de messages d’un coup. Patientez quelques secondes.',
  unavailable: 'Non envoyé : nous avons un problème technique. Réessayez dans une minute.',
  newTab: '(s’ouvre dans un nouvel onglet)',
  unread: (n) => `${n} nouveau${n > 1 ? 'x' : ''} message${n > 1 ? 's' : ''}`,
};

const es: WidgetStrings = {
  open: 'Chatea con nosotros',
  close: 'Cerrar el chat',
  title: 'Reservas y preguntas',
  messages: 'Conversación',
  input: 'Tu mensaje',
  placeholder: 'Escribe tu mensaje…',
  send: 'Enviar',
  suggestions: 'Respuestas sugeridas',
  cards: 'Opciones',
  you: 'Tú:',
  host: 'Recepción:',
  typing: 'Escribiendo…',
  connecting: 'Conectando…',
  reconnecting: 'Conexión perdida, reconectando…',
  offline: 'Estás sin conexión.',
  notSent: 'No enviado. Comprueba tu conexión y vuelve a intentarlo.',
  tooFast: 'No enviado: demasiados mensajes seguidos. Espera unos segundos.',
  unavailable: 'No enviado: tenemos un problema técnico. Inténtalo de nuevo en un minuto.',
  newTab: '(se abre en una pestaña nueva)',
  unread: (n) => `${n} mensaje${n > 1 ? 's' : ''} nuevo${n > 1 ? 's' : ''}`,
};

const pt: WidgetStrings = {
  open: 'Fale connosco',
  close: 'Fechar a conversa',
  title: 'Reservas e perguntas',
  messages: 'Conversa',
  input: 'A sua mensagem',
  placeholder: 'Escreva a sua mensagem…',
  send: 'Enviar',
  suggestions: 'Respostas sugeridas',
  cards: 'Opções',
  you: 'Você:',
  host: 'Receção:',
  typing: 'A escrever…',
  connecting: 'A ligar…',
  reconnecting: 'Ligação perdida, a restabelecer…',
  offline: 'Está sem ligação.',
  notSent: 'Não enviada. Verifique a ligação e tente de novo.',
  tooFast: 'Não enviada: muitas mensagens de seguida. Aguarde uns segundos.',
  unavailable: 'Não enviada: temos um problema técnico. Tente de novo daqui a um minuto.',
  newTab: '(abre num novo separador)',
  unread: (n) => `${n} mensage${n > 1 ? 'ns novas' : 'm nova'}`,
};

const ALL: Record<WidgetLocale, WidgetStrings> = { en, fr, es, pt };

/** `fr-CA` → `fr`; anything else we do not speak → English. */
export function widgetLocale(tag: string | null | undefined): WidgetLocale {
  const two = (tag ?? '').slice(0, 2).toLowerCase();
  return two === 'fr' || two === 'es' || two === 'pt' ? two : 'en';
}

export const stringsFor = (locale: WidgetLocale): WidgetStrings => ALL[locale];
