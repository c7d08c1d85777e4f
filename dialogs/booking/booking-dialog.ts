import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ratePlanOf, unitTypeOf } from '../../domain/catalog/catalog';
import { localize } from '../../domain/catalog/locales';
import { stayLength } from '../../domain/calendar/nights';
import type { Booking } from '../../domain/bookings/booking';
import type { CheckoutLink } from '../../domain/ports';
import { awaitPayment, requestBooking } from '../../domain/usecases/await-payment';
import { cancelBooking } from '../../domain/usecases/cancel-booking';
// Three days to answer plus 48 hours to pay, in one hold: decline and lapse release it early.
import { REQUEST_HOLD_MINUTES } from '../../domain/bookings/request-to-book';
import { placeHold } from '../../domain/usecases/place-hold';
import { upsertGuest } from '../../domain/usecases/upsert-guest';
import { formatMoney, formatParty, formatStay } from '../messages/format';
import type { ProfileAccessor } from '../profile';
import { BOOKING_DIALOG, SEARCH_DIALOG, type SearchOptions, type Selection } from '../search/search-dialog';
import { termsText } from '../search/offer-cards';
import { mentionsStay, mergeSlots } from '../search/stay-slots';
import type { ConversationServices } from '../services';
import { addressOf, button, getTurn, msg, notUnderstood, requestIdOf, say, type Turn } from '../turn';
import { readEmail, readName, readPhone } from './contact';

type Asking = 'name' | 'email' | 'phone' | 'confirm' | 'price';

interface BookingState {
  selection: Selection;
  name: string | null;
  email: string | null;
  phone: string | null;
  asking: Asking | null;
}

/** Contact details, a summary with the total and terms, the hold, then the payment step. */
export class BookingDialog extends Dialog<Selection> {
  constructor(private readonly services: ConversationServices, private readonly profiles: ProfileAccessor) {
    super(BOOKING_DIALOG);
  }

  override async beginDialog(dc: DialogContext, selection?: Selection): Promise<DialogTurnResult> {
    if (!selection) return dc.endDialog();
    const turn = await getTurn(dc.context, this.services, this.profiles);
    const { channelId, from } = dc.context.activity;
    const known = await this.services.deps.store.findGuestByIdentity(turn.property.id, channelId, from.id);
    const state: BookingState = { selection, name: known?.name ?? null, email: known?.email ?? null, phone: known?.phone ?? null, asking: null };
    return this.next(dc, turn, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const turn = await getTurn(dc.context, this.services, this.profiles);
    const state = dc.activeDialog?.state as BookingState;
    const yes = turn.action?.kind === 'yes' || turn.u.command === 'yes';
    const no = turn.action?.kind === 'no' || turn.u.command === 'no';

    switch (state.asking) {
      case 'name': {
        const name = readName(turn.text);
        if (name && !mentionsStay(turn.u)) return this.next(dc, turn, { ...state, name });
        return this.correctionOr(dc, turn, state, 'invalidName');
      }
      case 'email': {
        const email = readEmail(turn.text, turn.u.entities.email);
        if (email) return this.next(dc, turn, { ...state, email });
        return this.correctionOr(dc, turn, state, 'invalidEmail');
      }
      case 'phone': {
        const phone = readPhone(turn.text, turn.u.entities.phone, turn.property.address.country);
        if (phone) return this.next(dc, turn, { ...state, phone });
        return this.correctionOr(dc, turn, state, 'invalidPhone');
      }
      case 'confirm':
      case 'price':
        if (yes) return this.hold(dc, turn, state);
        if (no) {
          await say(dc.context, `${msg(turn, 'notBooked')} ${msg(turn, 'anythingElse')}`);
          return dc.endDialog();
        }
        if (mentionsStay(turn.u)) return this.backToSearch(dc, turn, state);
        await notUnderstood(dc.context, turn, msg(turn, 'askConfirm'), this.yesNo(turn));
        return Dialog.EndOfTurn;
      default:
        return this.next(dc, turn, state);
    }
  }

  override async repromptDialog(context: TurnContext, instance: { state: unknown }): Promise<void> {
    const turn = await getTurn(context, this.services, this.profiles);
    const state = instance.state as BookingState;
    if (state.asking === 'confirm' || state.asking === 'price') await say(context, msg(turn, 'askConfirm'), this.yesNo(turn));
    else if (state.asking) await say(context, msg(turn, state.asking === 'name' ? 'askName' : state.asking === 'email' ? 'askEmail' : 'askPhone'));
  }

  /** A message that is not the detail asked for but changes the stay goes back to the search. */
  private async correctionOr(dc: DialogContext, turn: Turn, state: BookingState, invalid: 'invalidName' | 'invalidEmail' | 'invalidPhone'): Promise<DialogTurnResult> {
    if (mentionsStay(turn.u)) return this.backToSearch(dc, turn, state);
    await say(dc.context, msg(turn, invalid));
    return Dialog.EndOfTurn;
  }

  private backToSearch(dc: DialogContext, turn: Turn, state: BookingState): Promise<DialogTurnResult> {
    const { stay, party } = state.selection;
    const slots = mergeSlots({ ...stay, nights: stayLength(stay), adults: party.adults, children: party.children }, turn.u, null, turn.text);
    const options: SearchOptions = { slots };
    return dc.replaceDialog(SEARCH_DIALOG, options);
  }

  private async next(dc: DialogContext, turn: Turn, state: BookingState): Promise<DialogTurnResult> {
    const asking: Asking = !state.name ? 'name' : !state.email ? 'email' : !state.phone ? 'phone' : 'confirm';
    const saved = { ...state, asking };
    if (dc.activeDialog) dc.activeDialog.state = saved;
    if (asking === 'name') await say(dc.context, msg(turn, 'askName'));
    else if (asking === 'email') await say(dc.context, msg(turn, 'askEmail'));
    else if (asking === 'phone') await say(dc.context, msg(turn, 'askPhone'));
    else {
      await say(dc.context, this.summary(turn, saved));
      await say(dc.context, msg(turn, 'askConfirm'), this.yesNo(turn));
    }
    return Dialog.EndOfTurn;
  }

  private summary(turn: Turn, state: BookingState): string {
    const { property, profile } = turn;
    const { selection } = state;
    const locale = profile.locale;
    const type = unitTypeOf(property, selection.unitTypeId);
    const plan = ratePlanOf(property, selection.ratePlanId);
    return msg(turn, 'summary', {
      room: type ? localize(type.name, locale) : selection.unitTypeId,
      plan: plan ? localize(plan.name, locale) : selection.ratePlanId,
      stay: formatStay(selection.stay, stayLength(selection.stay), locale),
      party: formatParty(selection.party, locale),
      total: formatMoney(selection.expectedTotal, property.currency, locale),
      terms: plan ? termsText(property, plan, selection.stay.checkIn, locale) : '',
      name: state.name ?? '',
    });
  }

  private yesNo(turn: Turn) {
    return [button(msg(turn, 'btnYes'), { kind: 'yes' }), button(msg(turn, 'btnNo'), { kind: 'no' })];
  }

  private async hold(dc: DialogContext, turn: Turn, state: BookingState): Promise<DialogTurnResult> {
    const { deps } = this.services;
    const { activity } = dc.context;
    const { property, profile } = turn;
    const guest = await upsertGuest(deps, {
      propertyId: property.id,
      channel: activity.channelId,
      channelUserId: activity.from.id,
      locale: profile.locale,
      name: state.name,
      email: state.email,
      phone: state.phone,
    });
    profile.guestId = guest.id;
    const request = property.bookingMode === 'request';
    const held = await placeHold(deps, {
      propertyId: property.id,
      ...state.selection,
      channel: 'direct',
      source: activity.channelId,
      address: addressOf(activity, profile.locale),
      // A message delivered twice by the channel must not hold twice.
      requestId: requestIdOf(activity, deps.ids.id()),
      guestId: guest.id,
      actor: `guest:${guest.id}`,
      ...(request ? { holdMinutes: REQUEST_HOLD_MINUTES } : {}),
    });
    if (!held.ok) {
      if (held.code === 'price_changed' && held.detail?.quote) {
        const updated = { ...state, asking: 'price' as const, selection: { ...state.selection, expectedTotal: held.detail.quote.total } };
        if (dc.activeDialog) dc.activeDialog.state = updated;
        await say(dc.context, msg(turn, 'priceChanged', { total: formatMoney(updated.selection.expectedTotal, property.currency, profile.locale) }), this.yesNo(turn));
        return Dialog.EndOfTurn;
      }
      this.services.log.info({ propertyId: property.id, code: held.code }, 'hold refused');
      await say(dc.context, msg(turn, 'soldOutMeanwhile'));
      const { stay, party } = state.selection;
      return dc.replaceDialog(SEARCH_DIALOG, { slots: { ...stay, nights: stayLength(stay), adults: party.adults, children: party.children } } satisfies SearchOptions);
    }
    const booking = held.value;
    this.services.log.info({ propertyId: property.id, bookingId: booking.id, mode: property.bookingMode }, 'booking held');
    if (request) {
      await requestBooking(deps, { propertyId: property.id, bookingId: booking.id, actor: `guest:${guest.id}` });
      await this.services.notifier.notify({
        propertyId: property.id,
        kind: 'booking_request',
        summary: `Booking request ${booking.reference} waits for an answer`,
        data: { bookingId: booking.id, reference: booking.reference, checkIn: booking.stay.checkIn, checkOut: booking.stay.checkOut, unitTypeId: booking.unitTypeId },
        at: deps.clock.now().toISOString(),
      });
      await say(dc.context, msg(turn, 'requestSent', { reference: booking.reference }));
      return dc.endDialog(booking.reference);
    }
    let link: CheckoutLink;
    try {
      link = await this.services.payments.createCheckout(booking, guest);
    } catch (error) {
      return this.paymentUnavailable(dc, turn, booking, error);
    }
    await awaitPayment(deps, { propertyId: property.id, bookingId: booking.id, actor: 'system' });
    const minutes = Math.max(1, Math.round((Date.parse(booking.holdExpiresAt) - deps.clock.now().getTime()) / 60_000));
    await say(dc.context, msg(turn, 'held', { reference: booking.reference, minutes }));
    await say(dc.context, [msg(turn, 'payNow', { url: link.url }), link.demo ? msg(turn, 'payDemo') : ''].filter(Boolean).join('\n'));
    return dc.endDialog(booking.reference);
  }

  /**
   * No payment link, no hold: the nights go back at once rather than sitting held for a guest
   * who cannot pay, and the guest hears that nothing was booked or charged.
   */
  private async paymentUnavailable(dc: DialogContext, turn: Turn, booking: Booking, error: unknown): Promise<DialogTurnResult> {
    const { deps, log, notifier } = this.services;
    log.warn({ propertyId: booking.propertyId, bookingId: booking.id, err: error instanceof Error ? error.message : String(error) }, 'payment link could not be created');
    await cancelBooking(deps, { propertyId: booking.propertyId, bookingId: booking.id, actor: 'system', reason: 'the payment link could not be created' });
    await notifier.notify({
      propertyId: booking.propertyId,
      kind: 'other',
      summary: `Payment link for ${booking.reference} could not be created; the hold was released`,
      data: { bookingId: booking.id, reference: booking.reference },
      at: deps.clock.now().toISOString(),
    });
    await say(dc.context, msg(turn, 'paymentUnavailable'));
    return dc.endDialog();
  }
}
