/**
 * Guest-facing English. Every sentence the bot says lives in a catalogue like this one, one
 * per locale, with the same keys; dialog steps never hold text of their own.
 */
export const en = {
  greeting: (p: { property: string }) =>
    `Welcome to ${p.property}! I can check availability and prices, book your stay, or help with an existing booking. What can I do for you?`,
  welcomeBack: (p: { where: string }) => `Welcome back! We were ${p.where}. Shall we carry on?`,
  whereSearching: 'looking for dates',
  whereChoosing: 'choosing a room',
  whereBooking: 'finishing your booking',
  whereManaging: 'looking at your booking',
  help:
    'I can:\n- find a room and its price ("a room from 12 to 15 December for 2")\n- book it and send you a secure payment link\n- find, change or cancel your booking (with its reference)\n- answer questions about the property\nSay "start over" at any time, or "talk to someone" to reach the team.',
  cancelled: "No problem, I've stopped there. Is there anything else I can do for you?",
  startOver: "Let's start again. What can I do for you?",
  handoff: "I've asked a member of our team to reply to you here. They'll get back to you as soon as they can.",
  notUnderstood: "Sorry, I didn't quite understand that.",
  offerHuman: "I'm having trouble understanding. Would you like someone from the team to help you?",
  keepGoing: "All right, let's carry on.",
  languageSwitched: "Of course, I'll continue in English.",
  anythingElse: 'Is there anything else I can do for you?',
  other: 'I can check availability, book a room or help with your booking. What would you like?',
  messageTooLong: (p: { max: string }) => `Sorry, that message is too long for me to read (more than ${p.max} characters). Could you send a shorter one?`,

  askCheckIn: 'When would you like to arrive?',
  askCheckOut: (p: { checkIn: string }) => `Arriving ${p.checkIn}: how many nights will you stay, or when will you leave?`,
  askParty: 'How many guests will there be? (adults, and children if any)',
  datesPast: 'That date has already passed. Which dates would you like?',
  datesOrder: 'The departure has to be after the arrival. When will you leave?',
  tooLong: (p: { max: number }) => `I can book up to ${p.max} nights in one go. Could you shorten the stay, or talk to someone for a longer one?`,
  offersIntro: (p: { stay: string; party: string }) => `Here is what we have ${p.stay}, ${p.party}:`,
  offerSubtitle: (p: { perNight: string; total: string }) => `from ${p.perNight} a night · ${p.total} in total`,
  offerText: (p: { plans: string }) => p.plans,
  planLine: (p: { plan: string; total: string; terms: string }) => `${p.plan}: ${p.total} (${p.terms})`,
  planButton: (p: { plan: string; total: string }) => `${p.plan} · ${p.total}`,
  chooseOffer: 'Which would you like? Tap an option, or tell me.',
  chooseNumbered: (p: { list: string }) => `Which would you like? Reply with its number:\n${p.list}`,
  noAvailability: (p: { stay: string; party: string }) => `I'm sorry, nothing is free ${p.stay} ${p.party}.`,
  alternativeDates: 'These dates are free for the same length of stay:',
  minStay: (p: { nights: number }) => `For these dates the minimum stay is ${p.nights} nights.`,
  minStayButton: (p: { nights: number }) => `Stay ${p.nights} nights`,
  tooManyGuests: (p: { max: number }) => `Our largest room sleeps ${p.max} guests. For a bigger group, the team can help with several rooms.`,
  closedToArrival: (p: { date: string }) => `We don't take arrivals on ${p.date}. Could you arrive on another day?`,
  soldOutMeanwhile: "I'm sorry, that room has just been booked by someone else. Here is what is still free:",
  priceChanged: (p: { total: string }) => `The price has just changed: it is now ${p.total}. Would you still like it?`,

  askName: 'Wonderful. What name should the booking be under?',
  invalidName: 'Could you give me the full name for the booking (first and last name)?',
  askEmail: 'What email address should we send the confirmation to?',
  invalidEmail: "That email address doesn't look right. Could you check it? (for example: name@example.com)",
  askPhone: 'And a phone number, in case we need to reach you?',
  invalidPhone: "That number doesn't look right. Could you give it with the country code? (for example: +44 20 7946 0000)",
  summary: (p: { room: string; stay: string; party: string; plan: string; total: string; terms: string; name: string }) =>
    `Here is your booking:\n- ${p.room}, ${p.plan}\n- ${p.stay}\n- ${p.party}\n- Total: ${p.total}\n- ${p.terms}\n- In the name of ${p.name}`,
  askConfirm: 'Shall I book it?',
  held: (p: { reference: string; minutes: number }) => `Your room is held for ${p.minutes} minutes. Your booking reference is ${p.reference}.`,
  payNow: (p: { url: string }) => `To confirm it, please pay here: ${p.url}`,
  payDemo: '(This is a demo link: no real payment is taken.)',
  requestSent: (p: { reference: string }) =>
    `Your request is with the team, reference ${p.reference}. They will reply shortly, and you'll get a payment link here once they accept.`,
  paymentUnavailable: "I'm sorry, I couldn't prepare the secure payment link just now, so nothing has been booked or charged. Please try again in a few minutes, or say \"talk to someone\" and the team will help.",
  notBooked: "All right, I haven't booked anything.",

  askReference: 'What is your booking reference? It has 6 characters, like K7M2QX.',
  askBookingEmail: 'And the email address used for the booking?',
  bookingNotFound: "I couldn't find a booking with those details. Could you check the reference and the email?",
  bookingDetails: (p: { reference: string; room: string; stay: string; party: string; total: string; state: string }) =>
    `Booking ${p.reference}: ${p.room}, ${p.stay}, ${p.party}. Total ${p.total}. Status: ${p.state}.`,
  yourBookings: 'Here are your bookings:',
  manageWhat: 'What would you like to do?',
  cancelPreviewFree: (p: { refund: string }) => `You can still cancel for free: you would be refunded ${p.refund}.`,
  cancelPreviewPartial: (p: { refund: string; retained: string }) => `If you cancel now, ${p.retained} is kept under the cancellation terms and you would be refunded ${p.refund}.`,
  cancelPreviewNone: 'This booking is non-refundable: nothing would be refunded if you cancel.',
  askCancelConfirm: 'Do you want to cancel it?',
  cancelDone: (p: { reference: string; refund: string }) =>
    `Booking ${p.reference} is cancelled. ${p.refund === '' ? '' : `You will be refunded ${p.refund}; refunds usually reach your account within 5 to 10 days.`}`.trim(),
  cancelKept: 'All right, your booking stays as it is.',
  askNewDates: 'Which new dates would you like?',
  changeUnavailable: (p: { stay: string }) => `I'm sorry, the same kind of room isn't free ${p.stay}.`,
  changePreview: (p: { stay: string; total: string; difference: string }) => `${p.stay}: the new total would be ${p.total} (${p.difference}). Shall I move your booking?`,
  changeDone: (p: { reference: string; stay: string }) => `Done: booking ${p.reference} is now ${p.stay}.`,
  cannotChange: 'This booking can no longer be changed here. The team will be glad to help.',

  noticeConfirmed: (p: { reference: string; room: string; stay: string; paid: string; balance: string; terms: string; calendarUrl: string }) =>
    `Your booking ${p.reference} is confirmed: ${p.room}, ${p.stay}.\n- Paid: ${p.paid}${p.balance === '' ? '' : `\n- Balance due at the property: ${p.balance}`}\n- ${p.terms}\nAdd it to your calendar: ${p.calendarUrl}`,
  noticeRefund: (p: { reference: string; amount: string }) =>
    `We have refunded ${p.amount} for booking ${p.reference}. Refunds usually reach your account within 5 to 10 days.`,
  noticeLatePayment: (p: { reference: string; amount: string }) =>
    `We're very sorry: your payment for booking ${p.reference} arrived after the room's hold had ended, and the room has since been booked. We have refunded the full ${p.amount}; it usually reaches your account within 5 to 10 days. The team has been told and will be glad to help you find other dates.`,
  noticeHoldExpired: (p: { reference: string }) =>
    `The hold on booking ${p.reference} has ended without payment, so the room is free again. Just ask me if you'd like to book again.`,
  noticeRequestApproved: (p: { reference: string; url: string; until: string }) =>
    `Good news: the team has accepted your request ${p.reference}. To confirm it, please pay here before ${p.until}: ${p.url}`,
  noticeRequestDeclined: (p: { reference: string }) =>
    `I'm sorry, the team can't accept your request ${p.reference}. Nothing has been charged. Would you like to look at other dates?`,
  noticeRequestLapsed: (p: { reference: string }) =>
    `I'm sorry, the team couldn't answer your request ${p.reference} in time, so it has lapsed and nothing has been charged. Would you like to try other dates?`,

  changeDonePay: (p: { reference: string; stay: string; amount: string; url: string }) =>
    `Done: booking ${p.reference} is now ${p.stay}. The new dates cost ${p.amount} more; please pay the difference here: ${p.url}`,
  changeDoneRefund: (p: { reference: string; stay: string; amount: string }) =>
    `Done: booking ${p.reference} is now ${p.stay}. We have refunded the difference, ${p.amount}; refunds usually reach your account within 5 to 10 days.`,
  cancelDoneRefundLater: (p: { reference: string; refund: string }) =>
    `Booking ${p.reference} is cancelled. The automatic refund of ${p.refund} did not go through, so the team will refund you by hand shortly.`,
  checkoutStay: (p: { room: string; plan: string; nights: number; from: string; to: string }) =>
    `${p.room}, ${p.plan}: ${p.nights} night${p.nights > 1 ? 's' : ''} from ${p.from} to ${p.to}`,
  checkoutTouristTax: 'Tourist tax',
  checkoutDeposit: (p: { percent: number; room: string; balance: string }) => `${p.percent}% deposit for the ${p.room}; ${p.balance} to pay at the hotel`,
  checkoutDateChange: (p: { reference: string }) => `New dates for booking ${p.reference}: the difference`,
  checkoutReference: (p: { reference: string }) => `Booking ${p.reference}`,
  payPageDemoBanner: 'Demo: no real payment is taken.',
  payPageDue: (p: { reference: string; amount: string }) => `Booking ${p.reference}: ${p.amount} to pay now.`,
  payPageBalance: (p: { amount: string }) => `Balance to pay at the hotel: ${p.amount}.`,
  payPageGuarantee: 'A card guarantee only: nothing is charged now.',
  payPagePay: 'Pay (demo)',
  payPageCancel: 'Cancel and release the room',
  payPagePaid: 'Payment received, thank you! Your confirmation is on its way in the chat.',
  payPageReleased: 'No payment was taken, and the room has been released.',
  payPageExpired: 'This payment link has expired or is no longer valid. Ask in the chat for a new one.',
  payPageAlreadyPaid: 'This booking is already paid. Thank you!',
  payPageLeft: 'No payment was taken. You can use the link again until it expires.',
  calendarSummary: (p: { property: string; room: string }) => `${p.property}: ${p.room}`,
  calendarDescription: (p: { reference: string; checkIn: string; checkOut: string; timeZone: string }) =>
    `Booking ${p.reference}. Check-in from ${p.checkIn}, check-out by ${p.checkOut} (local time, ${p.timeZone}).`,

  conciergeIntro: 'Happy to help during your stay. Here is what we can arrange:',
  conciergeNoted: "I've passed your request to the team; they'll confirm shortly.",
  feedbackThanks: 'Thank you for taking the time to tell us. The team reads every message.',
  reviewInvite: 'If you enjoyed your stay, a review would mean a lot to us:',
  faqUnknown: "I don't have the answer to that, so I've asked the team to reply to you here.",

  btnYes: 'Yes',
  btnNo: 'No',
  btnBook: 'Book a room',
  btnMyBooking: 'My booking',
  btnHelp: 'Help',
  btnHuman: 'Talk to someone',
  btnKeepGoing: 'Keep going',
  btnCancelBooking: 'Cancel the booking',
  btnChangeDates: 'Change the dates',
  btnNothing: 'Nothing, thanks',
  btnStartOver: 'Start over',

  free: 'free',
  freeCancellationUntil: (p: { date: string }) => `free cancellation until ${p.date}`,
  partialCancellation: (p: { date: string; percent: number }) => `free cancellation until ${p.date}, then ${p.percent}% charged`,
  nonRefundable: 'non-refundable',
  breakfastIncluded: 'breakfast included',
  nights: (p: { n: number }) => (p.n === 1 ? '1 night' : `${p.n} nights`),
  stayRange: (p: { from: string; to: string; nights: string }) => `from ${p.from} to ${p.to} (${p.nights})`,
  adults: (p: { n: number }) => (p.n === 1 ? '1 adult' : `${p.n} adults`),
  children: (p: { n: number }) => (p.n === 1 ? '1 child' : `${p.n} children`),
  forParty: (p: { party: string }) => `for ${p.party}`,
  and: 'and',
  more: (p: { amount: string }) => `${p.amount} more`,
  less: (p: { amount: string }) => `${p.amount} less`,
  same: 'same price',
  state_held: 'held, awaiting payment',
  state_awaiting_payment: 'awaiting payment',
  state_confirmed: 'confirmed',
  state_cancelled: 'cancelled',
  state_expired: 'expired',
  state_requested: 'request sent to the team',
  state_approved: 'accepted, awaiting payment',
  state_declined: 'declined',
};

export type Messages = typeof en;
