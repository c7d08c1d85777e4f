import type { Messages } from './en';

/** European Portuguese, polite and neutral: "Pode…?", "Deseja…?", "lhe", "consigo". */
export const pt: Messages = {
  greeting: (p) =>
    `Olá! ${p.property} dá-lhe as boas-vindas. Posso verificar a disponibilidade e os preços, reservar a sua estadia ou ajudar com uma reserva existente. Em que posso ajudar?`,
  welcomeBack: (p) => `Olá de novo! Estávamos ${p.where}. Continuamos?`,
  whereSearching: 'a procurar datas',
  whereChoosing: 'a escolher um quarto',
  whereBooking: 'a concluir a sua reserva',
  whereManaging: 'a consultar a sua reserva',
  help:
    'Posso:\n- encontrar um quarto e o respetivo preço («um quarto de 12 a 15 de dezembro para 2»)\n- reservá-lo e enviar-lhe uma ligação de pagamento segura\n- encontrar, alterar ou cancelar a sua reserva (com a respetiva referência)\n- responder a perguntas sobre o alojamento\nDiga «começar de novo» a qualquer momento, ou «falar com alguém» para contactar a equipa.',
  cancelled: 'Sem problema, fico por aqui. Posso ajudar em mais alguma coisa?',
  startOver: 'Vamos recomeçar. Em que posso ajudar?',
  handoff: 'Pedi a um membro da nossa equipa que lhe responda aqui. Entrará em contacto consigo assim que possível.',
  notUnderstood: 'Desculpe, não percebi bem.',
  offerHuman: 'Estou com dificuldade em perceber. Deseja falar com alguém da equipa?',
  keepGoing: 'Muito bem, vamos continuar.',
  languageSwitched: 'Com certeza, continuo em português.',
  anythingElse: 'Posso ajudar em mais alguma coisa?',
  other: 'Posso verificar a disponibilidade, reservar um quarto ou ajudar com a sua reserva. O que deseja?',

  askCheckIn: 'Em que dia deseja chegar?',
  askCheckOut: (p) => `Chegada: ${p.checkIn}. Quantas noites vai ficar, ou em que dia pretende partir?`,
  askParty: 'Quantas pessoas vão ficar? (adultos e, se houver, crianças)',
  datesPast: 'Essa data já passou. Que datas deseja?',
  datesOrder: 'A partida tem de ser depois da chegada. Em que dia pretende partir?',
  tooLong: (p) => `Posso reservar até ${p.max} noites de uma só vez. Pode encurtar a estadia ou, para uma estadia mais longa, falar com a equipa?`,
  offersIntro: (p) => `Eis o que temos ${p.stay}, ${p.party}:`,
  offerSubtitle: (p) => `a partir de ${p.perNight} por noite · ${p.total} no total`,
  offerText: (p) => p.plans,
  planLine: (p) => `${p.plan}: ${p.total} (${p.terms})`,
  planButton: (p) => `${p.plan} · ${p.total}`,
  chooseOffer: 'Qual prefere? Toque numa opção ou diga-me.',
  chooseNumbered: (p) => `Qual prefere? Responda com o número:\n${p.list}`,
  noAvailability: (p) => `Lamento, não temos nada disponível ${p.stay} ${p.party}.`,
  alternativeDates: 'Estas datas estão disponíveis para a mesma duração de estadia:',
  minStay: (p) => `Para estas datas, a estadia mínima é de ${p.nights} noites.`,
  minStayButton: (p) => `Ficar ${p.nights} noites`,
  tooManyGuests: (p) =>
    `O nosso maior quarto tem capacidade para ${p.max} pessoas. Para um grupo maior, a equipa pode ajudar a organizar vários quartos.`,
  closedToArrival: (p) => `Não aceitamos chegadas nesse dia (${p.date}). Pode chegar noutro dia?`,
  soldOutMeanwhile: 'Lamento, esse quarto acabou de ser reservado por outra pessoa. Eis o que ainda está disponível:',
  priceChanged: (p) => `O preço acabou de mudar: agora é de ${p.total}. Ainda lhe interessa?`,

  askName: 'Ótimo. Em nome de quem devo fazer a reserva?',
  invalidName: 'Pode indicar-me o nome completo para a reserva (nome próprio e apelido)?',
  askEmail: 'Para que endereço de e-mail devemos enviar a confirmação?',
  invalidEmail: 'Esse endereço de e-mail não parece correto. Pode verificá-lo? (por exemplo: nome@exemplo.pt)',
  askPhone: 'E um número de telefone, caso precisemos de entrar em contacto consigo?',
  invalidPhone: 'Esse número não parece correto. Pode indicá-lo com o indicativo do país? (por exemplo: +351 912 345 678)',
  summary: (p) =>
    `Eis a sua reserva:\n- ${p.room}, ${p.plan}\n- ${p.stay}\n- ${p.party}\n- Total: ${p.total}\n- ${p.terms}\n- Em nome de ${p.name}`,
  askConfirm: 'Posso fazer a reserva?',
  held: (p) => `Guardamos-lhe o quarto durante ${p.minutes} minutos. A referência da sua reserva é ${p.reference}.`,
  payNow: (p) => `Para a confirmar, efetue o pagamento aqui: ${p.url}`,
  payDemo: '(Esta é uma ligação de demonstração: não é efetuado nenhum pagamento real.)',
  requestSent: (p) =>
    `O seu pedido foi enviado à equipa, com a referência ${p.reference}. A equipa responderá em breve e, assim que o pedido for aceite, receberá aqui uma ligação de pagamento.`,
  notBooked: 'Muito bem, não reservei nada.',

  askReference: 'Qual é a referência da sua reserva? Tem 6 caracteres, por exemplo K7M2QX.',
  askBookingEmail: 'E o endereço de e-mail utilizado na reserva?',
  bookingNotFound: 'Não encontrei nenhuma reserva com esses dados. Pode verificar a referência e o e-mail?',
  bookingDetails: (p) => `Reserva ${p.reference}: ${p.room}, ${p.stay}, ${p.party}. Total: ${p.total}. Estado: ${p.state}.`,
  yourBookings: 'Eis as suas reservas:',
  manageWhat: 'O que deseja fazer?',
  cancelPreviewFree: (p) => `Ainda pode cancelar sem custos: receberia um reembolso de ${p.refund}.`,
  cancelPreviewPartial: (p) =>
    `Se cancelar agora, reteríamos ${p.retained} de acordo com as condições de cancelamento e receberia um reembolso de ${p.refund}.`,
  cancelPreviewNone: 'Esta reserva não é reembolsável: se a cancelar, não será reembolsado nenhum valor.',
  askCancelConfirm: 'Deseja cancelá-la?',
  cancelDone: (p) =>
    `A reserva ${p.reference} foi cancelada. ${p.refund === '' ? '' : `Receberá um reembolso de ${p.refund}; normalmente, o reembolso chega à sua conta num prazo de 5 a 10 dias.`}`.trim(),
  cancelKept: 'Muito bem, a sua reserva mantém-se como está.',
  askNewDates: 'Que novas datas deseja?',
  changeUnavailable: (p) => `Lamento, não há nenhum quarto do mesmo tipo disponível ${p.stay}.`,
  changePreview: (p) =>
    `Com as novas datas, ${p.stay}, o novo total seria de ${p.total} (${p.difference}). Deseja que altere a sua reserva?`,
  changeDone: (p) => `Feito: a reserva ${p.reference} passa a ser ${p.stay}.`,
  cannotChange: 'Esta reserva já não pode ser alterada aqui. A equipa terá todo o gosto em ajudar.',

  noticeConfirmed: (p) =>
    `A sua reserva ${p.reference} está confirmada: ${p.room}, ${p.stay}.\n- Pago: ${p.paid}${p.balance === '' ? '' : `\n- Saldo a pagar no alojamento: ${p.balance}`}\n- ${p.terms}\nAdicione-a ao seu calendário: ${p.calendarUrl}`,
  noticeRefund: (p) =>
    `Reembolsámos ${p.amount} da reserva ${p.reference}. O reembolso costuma chegar à sua conta em 5 a 10 dias.`,
  noticeLatePayment: (p) =>
    `Pedimos muita desculpa: o seu pagamento da reserva ${p.reference} chegou depois de terminar o bloqueio do quarto, que entretanto foi reservado. Reembolsámos a totalidade, ${p.amount}; costuma chegar em 5 a 10 dias. A equipa foi avisada e terá todo o gosto em ajudar a encontrar outras datas.`,
  noticeHoldExpired: (p) =>
    `O bloqueio da reserva ${p.reference} terminou sem pagamento, por isso o quarto está novamente livre. Diga-me se quiser reservar de novo.`,
  noticeRequestApproved: (p) =>
    `Boas notícias: a equipa aceitou o seu pedido ${p.reference}. Para o confirmar, pague aqui antes de ${p.until}: ${p.url}`,
  noticeRequestDeclined: (p) =>
    `Lamento, a equipa não pode aceitar o seu pedido ${p.reference}. Nada foi cobrado. Quer ver outras datas?`,
  noticeRequestLapsed: (p) =>
    `Lamento, a equipa não conseguiu responder a tempo ao seu pedido ${p.reference}: expirou e nada foi cobrado. Quer experimentar outras datas?`,

  conciergeIntro: 'Teremos todo o gosto em ajudar durante a sua estadia. Eis o que podemos organizar:',
  conciergeNoted: 'Transmiti o seu pedido à equipa, que o confirmará em breve.',
  feedbackThanks: 'Agradecemos o tempo que dedicou a escrever-nos. A equipa lê todas as mensagens.',
  reviewInvite: 'Se gostou da sua estadia, uma avaliação significaria muito para nós:',
  faqUnknown: 'Não sei a resposta a essa pergunta, por isso pedi à equipa que lhe responda aqui.',

  btnYes: 'Sim',
  btnNo: 'Não',
  btnBook: 'Reservar um quarto',
  btnMyBooking: 'A minha reserva',
  btnHelp: 'Ajuda',
  btnHuman: 'Falar com alguém',
  btnKeepGoing: 'Continuar',
  btnCancelBooking: 'Cancelar a reserva',
  btnChangeDates: 'Alterar as datas',
  btnNothing: 'Não, é tudo',
  btnStartOver: 'Começar de novo',

  free: 'grátis',
  freeCancellationUntil: (p) => `cancelamento gratuito até ${p.date}`,
  partialCancellation: (p) => `cancelamento gratuito até ${p.date}; depois, é cobrado ${p.percent}%`,
  nonRefundable: 'não reembolsável',
  breakfastIncluded: 'pequeno-almoço incluído',
  nights: (p) => (p.n === 1 ? '1 noite' : `${p.n} noites`),
  stayRange: (p) => `de ${p.from} a ${p.to} (${p.nights})`,
  adults: (p) => (p.n === 1 ? '1 adulto' : `${p.n} adultos`),
  children: (p) => (p.n === 1 ? '1 criança' : `${p.n} crianças`),
  forParty: (p) => `para ${p.party}`,
  and: 'e',
  more: (p) => `mais ${p.amount}`,
  less: (p) => `menos ${p.amount}`,
  same: 'mesmo preço',
  state_held: 'reservada provisoriamente, a aguardar pagamento',
  state_awaiting_payment: 'a aguardar pagamento',
  state_confirmed: 'confirmada',
  state_cancelled: 'cancelada',
  state_expired: 'expirada',
  state_requested: 'pedido enviado à equipa',
  state_approved: 'aceite, a aguardar pagamento',
  state_declined: 'recusada',
};
