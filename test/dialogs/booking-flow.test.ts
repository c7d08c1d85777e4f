import { applyPaymentEvent } from '../../domain/usecases/settle-payment';
import { CHATEAU, Guest, texts, world, type Reply, type World } from './harness';

const allButtons = (replies: Reply[]) => replies.flatMap((r) => [...r.buttons, ...r.cards.flatMap((c) => c.buttons)]).map((b) => b.title);

async function bookTheSuite(w: World, guest: Guest, opening: string, lang: 'en' | 'fr') {
  const offers = await guest.says(opening);
  const name = lang === 'en' ? await guest.tapsOnCard(offers, 'Tower Suite', 'Flexible rate') : await guest.tapsOnCard(offers, 'Suite de la Tour', 'Tarif flexible');
  return { offers, name };
}

describe('search and book, in English', () => {
  it('takes everything from the first message, shows offers, and books up to the payment link', async () => {
    const w = await world();
    const guest = new Guest(w);
    const offers = await guest.says('Do you have a room from December 12 to 15 for 2 adults?');
    expect(texts(offers)).toContain('Here is what we have from Sat 12 Dec to Tue 15 Dec (3 nights), for 2 adults');
    const cards = offers.flatMap((r) => r.cards);
    expect(cards.map((c) => c.title)).toEqual(['Classic room', 'Superior room', 'Tower Suite']);
    expect(cards[2]?.subtitle).toMatch(/a night · €[\d,.]+ in total/);
    expect(cards[2]?.text).toContain('non-refundable');

    const suitePlans = cards[2]?.buttons.map((b) => b.title) ?? [];
    const flexible = suitePlans.find((t) => t.startsWith('Flexible rate'));
    expect(flexible).toBeDefined();
    expect(texts(await guest.taps(offers, flexible ?? ''))).toContain('What name should the booking be under?');
    expect(texts(await guest.says('Camille Martin'))).toContain('What email address');
    expect(texts(await guest.says('camille@example'))).toContain("That email address doesn't look right");
    expect(texts(await guest.says('camille@example.org'))).toContain('phone number');
    const summary = await guest.says('06 12 34 56 78');
    expect(texts(summary)).toContain('- Tower Suite, Flexible rate');
    expect(texts(summary)).toContain('In the name of Camille Martin');
    expect(texts(summary)).toMatch(/free cancellation until 5 Dec, 16:00, then 30% charged/);

    const done = await guest.taps(summary, 'Yes');
    const reference = /reference is ([2-9A-HJ-NP-Z]{6})/.exec(texts(done))?.[1];
    expect(reference).toBeDefined();
    expect(texts(done)).toMatch(/please pay here: http:\/\/localhost:3978\/pay\/demo\/chateau-de-vauclair\/\w+/);
    expect(texts(done)).toContain('demo link: no real payment');
    const booking = await w.deps.store.findBookingByReference(CHATEAU, reference ?? '');
    expect(booking?.state).toBe('awaiting_payment');
    expect(booking?.unitId).toBe('tour');
    expect(booking?.stay).toEqual({ checkIn: '2026-12-12', checkOut: '2026-12-15' });
    const guestRecord = await w.deps.store.getGuest(CHATEAU, booking?.guestId ?? '');
    expect(guestRecord).toMatchObject({ name: 'Camille Martin', email: 'camille@example.org', phone: '+33612345678' });
  });

  it('releases the hold and says nothing was booked when no payment link can be made', async () => {
    const w = await world();
    const gateway = w.services.payments;
    w.services.payments = {
      createCheckout: async () => {
        throw new Error('payment provider unreachable');
      },
      refund: (request) => gateway.refund(request),
      closeCheckout: (booking, checkoutId) => gateway.closeCheckout(booking, checkoutId),
    };
    const guest = new Guest(w);
    const offers = await guest.says('Do you have a room from December 12 to 15 for 2 adults?');
    const suite = offers.flatMap((r) => r.cards).find((c) => c.title === 'Tower Suite');
    await guest.taps(offers, suite?.buttons.find((b) => b.title.startsWith('Flexible rate'))?.title ?? '');
    await guest.says('Camille Martin');
    await guest.says('camille@example.org');
    const summary = await guest.says('06 12 34 56 78');
    const done = await guest.taps(summary, 'Yes');
    expect(texts(done)).toContain("couldn't prepare the secure payment link just now, so nothing has been booked or charged");
    expect(texts(done)).not.toContain('please pay here');
    const [booking] = await w.deps.store.listBookings(CHATEAU);
    expect(booking?.state).toBe('cancelled');
    const nights = await w.deps.store.readUnitNights(CHATEAU, ['tour'], ['2026-12-12', '2026-12-13', '2026-12-14'], w.deps.clock.now().getTime());
    expect(nights.tour?.every((n) => n.owner === null)).toBe(true);
    expect(w.notifier.alerts.map((a) => a.summary)).toContainEqual(expect.stringContaining('could not be created'));
  });

  it('asks only for what is missing and accepts corrections at any step', async () => {
    const w = await world();
    const guest = new Guest(w);
    expect(texts(await guest.says("I'd like to book a room"))).toContain('When would you like to arrive?');
    expect(texts(await guest.says('March 12'))).toContain('Arriving Fri 12 Mar: how many nights');
    expect(texts(await guest.says('3 nights'))).toContain('How many guests');
    // A correction of the arrival keeps the length already given.
    expect(texts(await guest.says('actually the 14th'))).toContain('How many guests');
    const offers = await guest.says('2 adults');
    expect(texts(offers)).toContain('from Sun 14 Mar to Wed 17 Mar (3 nights), for 2 adults');
    const again = await guest.says('actually just 1 adult');
    expect(texts(again)).toContain('from Sun 14 Mar to Wed 17 Mar (3 nights), for 1 adult');
  });

  it('explains a minimum stay and offers the stay that works', async () => {
    const w = await world();
    const guest = new Guest(w);
    const r = await guest.says('1 night from December 27 for 2 adults');
    expect(texts(r)).toContain('For these dates the minimum stay is 2 nights.');
    const offers = await guest.taps(r, 'Stay 2 nights');
    expect(texts(offers)).toContain('from Sun 27 Dec to Tue 29 Dec (2 nights)');
  });

  it('says when the party is too big for any room', async () => {
    const w = await world();
    const guest = new Guest(w);
    const r = await guest.says('room for 6 adults from 5 to 7 February');
    expect(texts(r)).toContain('Our largest room sleeps 4 guests.');
    expect(texts(r)).toContain('How many guests');
  });

  it('when everything is sold out, proposes the nearest dates that work', async () => {
    const w = await world();
    const property = w.deps.catalog.get(CHATEAU);
    for (const unit of property?.units ?? []) {
      await w.deps.store.replaceFeedBlocks(CHATEAU, unit.id, 'test-feed', ['2027-01-10', '2027-01-11'].map((night) => ({ night, uid: 'x' })));
    }
    const guest = new Guest(w);
    const r = await guest.says('room from January 10 to 12 for 2 adults');
    expect(texts(r)).toContain("I'm sorry, nothing is free from Sun 10 Jan to Tue 12 Jan (2 nights) for 2 adults.");
    // A day either way still covers a blocked night; two days either way and three later are free.
    expect(allButtons(r)).toEqual(['Fri 8 Jan → Sun 10 Jan', 'Tue 12 Jan → Thu 14 Jan', 'Wed 13 Jan → Fri 15 Jan']);
    expect(texts(await guest.taps(r, 'Tue 12 Jan'))).toContain('from Tue 12 Jan to Thu 14 Jan (2 nights)');
  });

  it('stops when the guest cancels mid-flow, and nothing is held', async () => {
    const w = await world();
    const guest = new Guest(w);
    await bookTheSuite(w, guest, 'room from 12 to 15 December for 2 adults', 'en');
    expect(texts(await guest.says('cancel'))).toContain("No problem, I've stopped there.");
    expect(await w.deps.store.listBookings(CHATEAU)).toEqual([]);
    expect(texts(await guest.says('hello'))).toContain('Welcome to Château de Vauclair');
  });

  it('gives the last unit to only one of two guests racing for it', async () => {
    const w = await world();
    const a = new Guest(w);
    const b = new Guest(w);
    for (const guest of [a, b]) {
      await bookTheSuite(w, guest, 'room from 12 to 15 December for 2 adults', 'en');
      await guest.says('Alex Doe');
      await guest.says('alex@example.org');
      await guest.says('+44 20 7946 0000');
    }
    expect(texts(await a.says('yes'))).toMatch(/reference is [2-9A-HJ-NP-Z]{6}/);
    const lost = await b.says('yes');
    expect(texts(lost)).toContain('that room has just been booked by someone else');
    expect(lost.flatMap((r) => r.cards).map((c) => c.title)).toEqual(['Classic room', 'Superior room']);
    expect((await w.deps.store.listBookings(CHATEAU)).length).toBe(1);
  });

  it('offers a person after two misunderstandings in a row, and tells the staff', async () => {
    const w = await world();
    const guest = new Guest(w);
    await guest.says('room from 12 to 15 December for 2 adults');
    expect(texts(await guest.says('blue'))).toContain("Sorry, I didn't quite understand that.");
    const second = await guest.says('purple');
    expect(texts(second)).toContain('Would you like someone from the team to help you?');
    expect(texts(await guest.taps(second, 'Talk to someone'))).toContain("I've asked a member of our team");
    expect(w.notifier.alerts.map((a) => a.kind)).toEqual(['handoff']);
    expect(JSON.stringify(w.notifier.alerts)).not.toContain('purple');
  });

  it('welcomes back a guest who returns hours later, where they left off', async () => {
    const w = await world();
    const guest = new Guest(w);
    await bookTheSuite(w, guest, 'room from 12 to 15 December for 2 adults', 'en');
    w.deps.clock.advanceMinutes(180);
    const r = await guest.says('hello');
    expect(texts(r)).toContain('Welcome back! We were finishing your booking.');
    expect(texts(r)).toContain('What name should the booking be under?');
  });

  it('answers FAQ questions from the property file', async () => {
    const w = await world();
    const guest = new Guest(w);
    expect(texts(await guest.says('Is there parking for my car?'))).toContain('free private parking');
  });
});

describe('chercher et réserver, en français', () => {
  it('comprend le premier message et réserve jusqu’au lien de paiement', async () => {
    const w = await world();
    const guest = new Guest(w);
    const offers = await guest.says('Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?');
    expect(texts(offers)).toContain('Voici nos disponibilités du sam. 12 déc. au mar. 15 déc. (3 nuits), pour 2 adultes');
    expect(offers.flatMap((r) => r.cards).map((c) => c.title)).toEqual(['Chambre classique', 'Chambre supérieure', 'Suite de la Tour']);
    const name = await guest.taps(offers, 'Tarif non remboursable');
    expect(texts(name)).toContain('À quel nom dois-je faire la réservation ?');
    await guest.says('Camille Martin');
    expect(texts(await guest.says('camille.martin@@exemple.fr'))).toContain('Cette adresse e-mail ne semble pas correcte');
    await guest.says('camille.martin@exemple.fr');
    const summary = await guest.says('06 12 34 56 78');
    expect(texts(summary)).toContain('non remboursable');
    const done = await guest.says('oui');
    expect(texts(done)).toMatch(/Votre référence de réservation est [2-9A-HJ-NP-Z]{6}/);
    expect(texts(done)).toContain('aucun paiement réel');
  });

  it('accepte les corrections (« plutôt 1 adulte ») et explique un séjour minimum', async () => {
    const w = await world();
    const guest = new Guest(w);
    expect(texts(await guest.says('je voudrais réserver une chambre'))).toContain('À quelle date souhaitez-vous arriver ?');
    expect(texts(await guest.says('le 26 décembre'))).toContain('combien de nuits');
    expect(texts(await guest.says('1 nuit'))).toContain('Combien serez-vous');
    const r = await guest.says('2 adultes');
    expect(texts(r)).toContain('À ces dates, le séjour minimum est de 2 nuits.');
    const offers = await guest.taps(r, 'Rester 2 nuits');
    expect(texts(offers)).toContain('pour 2 adultes');
    expect(texts(await guest.says('plutôt 1 adulte'))).toContain('pour 1 adulte');
  });

  it('annule en cours de route, et parle anglais quand on le demande', async () => {
    const w = await world();
    const guest = new Guest(w);
    await guest.says('une chambre du 12 au 15 décembre pour 2');
    const english = await guest.says('in English please');
    expect(texts(english)).toContain("Of course, I'll continue in English.");
    expect(texts(english)).toContain('Which would you like?');
    const plans = await guest.says('the suite');
    expect(plans.flatMap((r) => r.buttons.map((b) => b.title.split(' · ')[0]))).toEqual(['Non-refundable rate', 'Flexible rate', 'Bed & breakfast']);
    expect(texts(await guest.taps(plans, 'Flexible rate'))).toContain('What name should the booking be under?');
    const back = await guest.says('en français svp');
    expect(texts(back)).toContain('Bien sûr, je continue en français.');
    expect(texts(await guest.says('annuler'))).toContain('Très bien, je m’arrête là.');
  });

  it('dit quand le groupe est trop grand et quand tout est complet', async () => {
    const w = await world();
    const guest = new Guest(w);
    expect(texts(await guest.says('une chambre pour 6 adultes du 5 au 7 février'))).toContain('Notre plus grande chambre accueille 4 personnes.');
    for (const unit of w.deps.catalog.get(CHATEAU)?.units ?? []) {
      await w.deps.store.replaceFeedBlocks(CHATEAU, unit.id, 'feed', [{ night: '2027-02-05', uid: 'x' }]);
    }
    const r = await guest.says('2 adultes');
    expect(texts(r)).toContain('Je suis désolé, nous n’avons plus rien de libre');
    expect(texts(r)).toContain('Ces dates sont libres pour la même durée');
  });
});

describe('manage a booking', () => {
  async function paidBooking(w: World): Promise<{ reference: string; userId: string }> {
    const userId = 'booker-1';
    const guest = new Guest(w, { userId });
    await bookTheSuite(w, guest, 'room from 12 to 15 December for 2 adults', 'en');
    await guest.says('Camille Martin');
    await guest.says('camille@example.org');
    await guest.says('+33612345678');
    const done = await guest.says('yes');
    const reference = /reference is ([2-9A-HJ-NP-Z]{6})/.exec(texts(done))?.[1] ?? '';
    const booking = await w.deps.store.findBookingByReference(CHATEAU, reference);
    if (!booking) throw new Error('no booking');
    // Paid the way the demo checkout pays: the same event a provider's webhook becomes.
    const paymentDeps = { ...w.deps, payments: w.services.payments, notifier: w.notifier, messenger: { tell: async () => 'sent' as const }, calendarUrl: () => 'http://localhost/stay.ics' };
    const paid = await applyPaymentEvent(paymentDeps, { kind: 'checkout_completed', propertyId: CHATEAU, bookingId: booking.id, checkoutId: `demo_${booking.id}`, purpose: 'booking', paymentId: `demo_pi_${booking.id}`, amount: booking.quote.total, guarantee: false });
    expect(paid).toBe('confirmed');
    return { reference, userId };
  }

  it('finds a booking by reference and email, and cancels it with the refund its policy gives', async () => {
    const w = await world();
    const { reference } = await paidBooking(w);
    const stranger = new Guest(w);
    expect(texts(await stranger.says(`I want to cancel my booking ${reference}`))).toContain('And the email address used for the booking?');
    const wrong = await stranger.says('someone@else.org');
    expect(texts(wrong)).toContain("I couldn't find a booking with those details.");
    await stranger.says(reference);
    const preview = await stranger.says('camille@example.org');
    expect(texts(preview)).toContain(`Booking ${reference}: Tower Suite`);
    expect(texts(preview)).toMatch(/You can still cancel for free: you would be refunded €[\d,.]+\./);
    const done = await stranger.taps(preview, 'Yes');
    expect(texts(done)).toMatch(new RegExp(`Booking ${reference} is cancelled. You will be refunded €[\\d,.]+`));
    expect((await w.deps.store.findBookingByReference(CHATEAU, reference))?.state).toBe('cancelled');
  });

  it('recognises the guest by their channel identity and moves the dates in one step', async () => {
    const w = await world();
    const { reference, userId } = await paidBooking(w);
    const same = new Guest(w, { userId });
    const found = await same.says('I need to change the dates of my booking');
    expect(texts(found)).toContain(`Booking ${reference}`);
    expect(texts(found)).toContain('Which new dates would you like?');
    const preview = await same.says('from 13 to 16 December');
    expect(texts(preview)).toMatch(/from Sun 13 Dec to Wed 16 Dec \(3 nights\): the new total would be €[\d,.]+/);
    expect(texts(await same.taps(preview, 'Yes'))).toContain(`Done: booking ${reference} is now from Sun 13 Dec to Wed 16 Dec`);
    const booking = await w.deps.store.findBookingByReference(CHATEAU, reference);
    expect(booking?.stay).toEqual({ checkIn: '2026-12-13', checkOut: '2026-12-16' });
    const nights = await w.deps.store.readUnitNights(CHATEAU, ['tour'], ['2026-12-12', '2026-12-13', '2026-12-15'], w.deps.clock.now().getTime());
    expect(nights.tour?.map((s) => s.owner?.kind ?? null)).toEqual([null, 'booking', 'booking']);
  });

  it('stops looking for a booking when the guest says cancel before one is found', async () => {
    const w = await world();
    const guest = new Guest(w);
    expect(texts(await guest.says('I need to change my booking'))).toContain('What is your booking reference?');
    expect(texts(await guest.says('cancel'))).toContain("No problem, I've stopped there.");
    expect(texts(await guest.says('hello'))).toContain('Welcome to Château de Vauclair');
  });

  it('retrouve et annule une réservation en français', async () => {
    const w = await world();
    const { reference } = await paidBooking(w);
    const guest = new Guest(w);
    await guest.says(`bonjour je voudrais annuler la réservation ${reference}`);
    const preview = await guest.says('camille@example.org');
    expect(texts(preview)).toContain(`Réservation ${reference}`);
    expect(texts(preview)).toContain('Voulez-vous l’annuler ?');
    expect(texts(await guest.says('oui'))).toContain(`La réservation ${reference} est annulée.`);
  });
});
