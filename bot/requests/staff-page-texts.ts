import type { BookingState } from '../../domain/bookings/booking';
import type { Locale } from '../../domain/catalog/locales';
import type { NoticeDelivery } from '../../domain/ports';
import type { AnswerFailure } from '../../domain/usecases/answer-request';
import type { StaffDecision } from './staff-links';

/** What a staff link page shows about the request it answers: ids and stay only, never the guest. */
export interface RequestSummary {
  reference: string;
  unitTypeId: string;
  checkIn: string;
  checkOut: string;
  adults: number;
  children: number;
}

/**
 * Every sentence of the staff link pages, per locale. The staff of a French gîte read French:
 * the page follows the property's `defaultLocale`. Dates stay ISO (the staff tools and the
 * alert show the same instant); booking states stay their codes, as in the staff API.
 */
export interface StaffPageTexts {
  linksDisabled: { title: string; line: string };
  linkExpired: { title: string; line: string };
  linkInvalid: { title: string; line: string };
  notFound: { title: string; line: string };
  request: (reference: string) => string;
  ask: Record<StaffDecision, string>;
  button: Record<StaffDecision, string>;
  summary: (r: RequestSummary) => string;
  lapsesAt: (iso: string) => string;
  effect: Record<StaffDecision, string>;
  reasonLabel: string;
  refused: string;
  notReady: { title: string; line: string };
  done: Record<StaffDecision, string>;
  failure: (code: AnswerFailure, state: BookingState | undefined) => string;
  approved: (payableUntil: string) => string;
  declined: string;
  guestTold: (delivery: NoticeDelivery) => string;
}

const EN: StaffPageTexts = {
  linksDisabled: { title: 'Link not available', line: 'Staff links are not enabled on this deployment (STAFF_LINK_SECRET is not set).' },
  linkExpired: { title: 'Link expired', line: 'This link has expired. Answer the request from your staff tools instead.' },
  linkInvalid: { title: 'Invalid link', line: 'This link is not valid: it may have been cut or altered.' },
  notFound: { title: 'Request not found', line: 'No such booking request.' },
  request: (reference) => `Request ${reference}`,
  ask: { approve: 'Approve this booking request?', decline: 'Decline this booking request?' },
  button: { approve: 'Approve and send the payment link', decline: 'Decline the request' },
  summary: (r) => `Request ${r.reference}: ${r.unitTypeId}, ${r.checkIn} to ${r.checkOut}, ${r.adults} adult(s), ${r.children} child(ren).`,
  lapsesAt: (iso) => `Unanswered, it lapses at ${iso}.`,
  effect: { approve: 'The guest will get a payment link on their channel and 48 hours to pay.', decline: 'The nights will be free again and the guest told.' },
  reasonLabel: 'Reason (optional, not shown to the guest)',
  refused: 'Request refused',
  notReady: { title: 'Not ready', line: 'Majordome is starting; try again in a moment.' },
  done: { approve: 'Request approved', decline: 'Request declined' },
  failure: (code, state) =>
    ({
      booking_not_found: 'no such booking request',
      not_a_request: `this booking is not a request to book (it is ${state ?? 'unknown'})`,
      already_answered: `this request was already answered: the booking is ${state ?? 'unknown'}`,
      request_lapsed: 'this request has already lapsed: nobody answered within 3 days, its nights are free again and the guest was told',
      conflict: 'the booking changed while answering; try again',
      payment_unavailable: 'the payment provider could not open a checkout; the request is still open, try again shortly',
    })[code],
  approved: (until) => `approved: payment link sent, payable until ${until}`,
  declined: 'declined: the nights are free again',
  guestTold: (d) => (d === 'sent' ? 'the guest has been told on their channel' : 'the guest could NOT be told on their channel: please contact them directly'),
};

const FR: StaffPageTexts = {
  linksDisabled: { title: 'Lien indisponible', line: 'Les liens du personnel ne sont pas activés sur ce déploiement (STAFF_LINK_SECRET n’est pas défini).' },
  linkExpired: { title: 'Lien expiré', line: 'Ce lien a expiré. Répondez à la demande depuis vos outils habituels.' },
  linkInvalid: { title: 'Lien non valide', line: 'Ce lien n’est pas valide : il a peut-être été coupé ou modifié.' },
  notFound: { title: 'Demande introuvable', line: 'Aucune demande de réservation de ce type.' },
  request: (reference) => `Demande ${reference}`,
  ask: { approve: 'Accepter cette demande de réservation ?', decline: 'Refuser cette demande de réservation ?' },
  button: { approve: 'Accepter et envoyer le lien de paiement', decline: 'Refuser la demande' },
  summary: (r) => `Demande ${r.reference} : ${r.unitTypeId}, du ${r.checkIn} au ${r.checkOut}, ${r.adults} adulte(s), ${r.children} enfant(s).`,
  lapsesAt: (iso) => `Sans réponse, elle expire le ${iso}.`,
  effect: { approve: 'Le client recevra un lien de paiement sur son canal et aura 48 heures pour payer.', decline: 'Les nuits seront de nouveau libres et le client prévenu.' },
  reasonLabel: 'Motif (facultatif, non montré au client)',
  refused: 'Demande refusée par le serveur',
  notReady: { title: 'Pas encore prêt', line: 'Majordome démarre ; réessayez dans un instant.' },
  done: { approve: 'Demande acceptée', decline: 'Demande refusée' },
  failure: (code, state) =>
    ({
      booking_not_found: 'aucune demande de réservation de ce type',
      not_a_request: `cette réservation n’est pas une demande (elle est à l’état ${state ?? 'inconnu'})`,
      already_answered: `cette demande a déjà reçu une réponse : la réservation est à l’état ${state ?? 'inconnu'}`,
      request_lapsed: 'cette demande a déjà expiré : personne n’a répondu sous 3 jours, ses nuits sont libres et le client a été prévenu',
      conflict: 'la réservation a changé pendant la réponse ; réessayez',
      payment_unavailable: 'le prestataire de paiement n’a pas pu ouvrir de paiement ; la demande reste ouverte, réessayez bientôt',
    })[code],
  approved: (until) => `acceptée : lien de paiement envoyé, payable jusqu’au ${until}`,
  declined: 'refusée : les nuits sont de nouveau libres',
  guestTold: (d) => (d === 'sent' ? 'le client a été prévenu sur son canal' : 'le client n’a PAS pu être prévenu sur son canal : contactez-le directement'),
};

const ES: StaffPageTexts = {
  linksDisabled: { title: 'Enlace no disponible', line: 'Los enlaces del personal no están activados en esta instalación (STAFF_LINK_SECRET no está definido).' },
  linkExpired: { title: 'Enlace caducado', line: 'Este enlace ha caducado. Responda a la solicitud desde sus herramientas habituales.' },
  linkInvalid: { title: 'Enlace no válido', line: 'Este enlace no es válido: puede que esté cortado o modificado.' },
  notFound: { title: 'Solicitud no encontrada', line: 'No existe esa solicitud de reserva.' },
  request: (reference) => `Solicitud ${reference}`,
  ask: { approve: '¿Aceptar esta solicitud de reserva?', decline: '¿Rechazar esta solicitud de reserva?' },
  button: { approve: 'Aceptar y enviar el enlace de pago', decline: 'Rechazar la solicitud' },
  summary: (r) => `Solicitud ${r.reference}: ${r.unitTypeId}, del ${r.checkIn} al ${r.checkOut}, ${r.adults} adulto(s), ${r.children} niño(s).`,
  lapsesAt: (iso) => `Sin respuesta, caduca el ${iso}.`,
  effect: { approve: 'El huésped recibirá un enlace de pago en su canal y tendrá 48 horas para pagar.', decline: 'Las noches quedarán libres y se avisará al huésped.' },
  reasonLabel: 'Motivo (opcional, no se muestra al huésped)',
  refused: 'Petición rechazada',
  notReady: { title: 'Aún no está listo', line: 'Majordome se está iniciando; inténtelo de nuevo en un momento.' },
  done: { approve: 'Solicitud aceptada', decline: 'Solicitud rechazada' },
  failure: (code, state) =>
    ({
      booking_not_found: 'no existe esa solicitud de reserva',
      not_a_request: `esta reserva no es una solicitud (su estado es ${state ?? 'desconocido'})`,
      already_answered: `esta solicitud ya tiene respuesta: la reserva está en estado ${state ?? 'desconocido'}`,
      request_lapsed: 'esta solicitud ya ha caducado: nadie respondió en 3 días, sus noches están libres y se avisó al huésped',
      conflict: 'la reserva cambió durante la respuesta; inténtelo de nuevo',
      payment_unavailable: 'el proveedor de pagos no pudo abrir un pago; la solicitud sigue abierta, inténtelo de nuevo en breve',
    })[code],
  approved: (until) => `aceptada: enlace de pago enviado, pagadero hasta ${until}`,
  declined: 'rechazada: las noches vuelven a estar libres',
  guestTold: (d) => (d === 'sent' ? 'se ha avisado al huésped en su canal' : 'NO se ha podido avisar al huésped en su canal: contacte con él directamente'),
};

const PT: StaffPageTexts = {
  linksDisabled: { title: 'Ligação indisponível', line: 'As ligações da equipa não estão ativas nesta instalação (STAFF_LINK_SECRET não está definido).' },
  linkExpired: { title: 'Ligação expirada', line: 'Esta ligação expirou. Responda ao pedido a partir das suas ferramentas habituais.' },
  linkInvalid: { title: 'Ligação inválida', line: 'Esta ligação não é válida: pode ter sido cortada ou alterada.' },
  notFound: { title: 'Pedido não encontrado', line: 'Não existe esse pedido de reserva.' },
  request: (reference) => `Pedido ${reference}`,
  ask: { approve: 'Aceitar este pedido de reserva?', decline: 'Recusar este pedido de reserva?' },
  button: { approve: 'Aceitar e enviar a ligação de pagamento', decline: 'Recusar o pedido' },
  summary: (r) => `Pedido ${r.reference}: ${r.unitTypeId}, de ${r.checkIn} a ${r.checkOut}, ${r.adults} adulto(s), ${r.children} criança(s).`,
  lapsesAt: (iso) => `Sem resposta, expira a ${iso}.`,
  effect: { approve: 'O hóspede receberá uma ligação de pagamento no seu canal e terá 48 horas para pagar.', decline: 'As noites ficarão livres e o hóspede será avisado.' },
  reasonLabel: 'Motivo (opcional, não é mostrado ao hóspede)',
  refused: 'Pedido recusado pelo servidor',
  notReady: { title: 'Ainda não está pronto', line: 'O Majordome está a iniciar; tente novamente dentro de momentos.' },
  done: { approve: 'Pedido aceite', decline: 'Pedido recusado' },
  failure: (code, state) =>
    ({
      booking_not_found: 'não existe esse pedido de reserva',
      not_a_request: `esta reserva não é um pedido (o seu estado é ${state ?? 'desconhecido'})`,
      already_answered: `este pedido já foi respondido: a reserva está no estado ${state ?? 'desconhecido'}`,
      request_lapsed: 'este pedido já expirou: ninguém respondeu em 3 dias, as noites estão livres e o hóspede foi avisado',
      conflict: 'a reserva mudou durante a resposta; tente novamente',
      payment_unavailable: 'o fornecedor de pagamentos não conseguiu abrir um pagamento; o pedido continua aberto, tente novamente em breve',
    })[code],
  approved: (until) => `aceite: ligação de pagamento enviada, pagável até ${until}`,
  declined: 'recusado: as noites estão novamente livres',
  guestTold: (d) => (d === 'sent' ? 'o hóspede foi avisado no seu canal' : 'NÃO foi possível avisar o hóspede no seu canal: contacte-o diretamente'),
};

export const STAFF_PAGE_TEXTS: Record<Locale, StaffPageTexts> = { en: EN, fr: FR, es: ES, pt: PT };
