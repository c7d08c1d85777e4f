import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Booking } from '../../domain/bookings/booking';
import { normalizeReference } from '../../domain/bookings/reference';
import { stayLength } from '../../domain/calendar/nights';
import { previewCancellation } from '../../domain/usecases/cancel-booking';
import { cancelAndRefund } from '../../domain/usecases/cancel-and-refund';
import { settleDateChange } from '../../domain/usecases/settle-date-change';
import type { MoneyDeps } from '../../domain/payments/deps';
import { changeBookingDates, previewDateChange } from '../../domain/usecases/change-dates';
import { findBookingByReferenceAndEmail, upcomingBookingsOf } from '../../domain/usecases/find-booking';
import { bookingDetails } from '../booking/booking-details';
import { readEmail } from '../booking/contact';
import { formatMoney, formatNight, formatStay } from '../messages/format';
import type { ProfileAccessor } from '../profile';
import { fold } from '../search/choice';
import { EMPTY_SLOTS, mergeSlots, missingSlot, type StaySlot, type StaySlots } from '../search/stay-slots';
import type { ConversationServices } from '../services';
import { button, getTurn, msg, notUnderstood, requestIdOf, say, type Turn } from '../turn';

export const MANAGE_DIALOG = 'manage';

export interface ManageOptions {
  text: string;
}

type Wish = 'cancel' | 'change' | null;
type Asking = 'reference' | 'email' | 'pick' | 'action' | 'cancel' | 'dates' | 'change';

interface ManageState {
  asking: Asking;
  reference: string | null;
  bookingId: string | null;
  wish: Wish;
  slots: StaySlots;
  datesAsking: StaySlot | null;
  newTotal: number | null;
}

/** What the guest wants done with the booking, in any of our languages. */
export function wishOf(text: string): Wish {
  const t = fold(text);
  if (/\b(?:cancel|annul|anular)/.test(t)) return 'cancel';
  if (/\b(?:chang|modif|decal|deplac|move|cambi|alter|mud|report)/.test(t)) return 'change';
  return null;
}

/** Find a booking (reference and email, or this channel's identity), show it, cancel it or change its dates. */
export class ManageDialog extends Dialog<ManageOptions> {
  constructor(private readonly services: ConversationServices, private readonly profiles: ProfileAccessor) {
    super(MANAGE_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: ManageOptions): Promise<DialogTurnResult> {
    const turn = await getTurn(dc.context, this.services, this.profiles);
    const state: ManageState = { asking: 'reference', reference: null, bookingId: null, wish: wishOf(options?.text ?? ''), slots: EMPTY_SLOTS, datesAsking: null, newTotal: null };
    const reference = turn.u.entities.reference ? normalizeReference(turn.u.entities.reference) : null;
    if (reference) return this.withReference(dc, turn, state, reference, turn.u.entities.email);
    const mine = await this.mine(dc.context, turn);
    if (mine.length === 1 && mine[0]) return this.found(dc, turn, state, mine[0]);
    if (mine.length > 1) return this.listMine(dc, turn, state, mine);
    return this.ask(dc, state, 'reference', msg(turn, 'askReference'));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const turn = await getTurn(dc.context, this.services, this.profiles);
    const state = dc.activeDialog?.state as ManageState;
    const { action, u } = turn;
    const yes = action?.kind === 'yes' || u.command === 'yes';
    const no = action?.kind === 'no' || u.command === 'no';

    // "Cancel" means "cancel my booking" once one is found, but "stop" while we are still looking.
    if ((state.asking === 'reference' || state.asking === 'email') && u.command === 'cancel' && turn.text.split(/\s+/).length <= 3) {
      return this.done(dc, turn, msg(turn, 'cancelled'));
    }
    switch (state.asking) {
      case 'reference': {
        const reference = normalizeReference(u.entities.reference ?? turn.text);
        if (!reference) {
          await notUnderstood(dc.context, turn, msg(turn, 'askReference'));
          return Dialog.EndOfTurn;
        }
        return this.withReference(dc, turn, state, reference, u.entities.email);
      }
      case 'email': {
        const email = readEmail(turn.text, u.entities.email);
        if (!email || !state.reference) return this.ask(dc, state, 'email', msg(turn, 'invalidEmail'));
        return this.withReference(dc, turn, state, state.reference, email);
      }
      case 'pick': {
        const mine = await this.mine(dc.context, turn);
        const ref = action?.kind === 'booking' ? action.reference : normalizeReference(u.entities.reference ?? turn.text);
        const byNumber = /^\s*(\d)\s*$/.exec(turn.text)?.[1];
        const booking = mine.find((b) => b.reference === ref) ?? (byNumber ? mine[Number(byNumber) - 1] : undefined);
        if (booking) return this.found(dc, turn, state, booking);
        await notUnderstood(dc.context, turn, msg(turn, 'yourBookings'));
        return Dialog.EndOfTurn;
      }
      case 'action': {
        const wish: Wish = action?.kind === 'cancel_booking' ? 'cancel' : action?.kind === 'change_dates' ? 'change' : wishOf(turn.text);
        if (action?.kind === 'nothing' || no) return this.done(dc, turn, msg(turn, 'anythingElse'));
        const booking = await this.current(turn, state);
        if (!booking || !wish) {
          await notUnderstood(dc.context, turn, msg(turn, 'manageWhat'), this.actions(turn));
          return Dialog.EndOfTurn;
        }
        return this.act(dc, turn, { ...state, wish }, booking);
      }
      case 'cancel': {
        const booking = await this.current(turn, state);
        if (!booking || no) return this.done(dc, turn, msg(turn, 'cancelKept'));
        if (!yes) {
          await notUnderstood(dc.context, turn, msg(turn, 'askCancelConfirm'), this.yesNo(turn));
          return Dialog.EndOfTurn;
        }
        // Refunds go through the payment provider, for the exact amount the policy gives back.
        const cancelled = await cancelAndRefund(this.money(), { propertyId: booking.propertyId, bookingId: booking.id, actor: `guest:${booking.guestId ?? 'unknown'}`, reason: 'cancelled by the guest in chat' });
        if (!cancelled.ok) return this.done(dc, turn, msg(turn, 'cannotChange'));
        const { refunded, refundFailed } = cancelled.value;
        this.services.log.info({ propertyId: booking.propertyId, bookingId: booking.id, refund: refunded, refundFailed }, 'booking cancelled by guest');
        const amount = (minor: number) => formatMoney(minor, turn.property.currency, turn.profile.locale);
        if (refundFailed > 0) return this.done(dc, turn, msg(turn, 'cancelDoneRefundLater', { reference: booking.reference, refund: amount(refunded + refundFailed) }));
        return this.done(dc, turn, msg(turn, 'cancelDone', { reference: booking.reference, refund: refunded > 0 ? amount(refunded) : '' }));
      }
      case 'dates': {
        const booking = await this.current(turn, state);
        if (!booking) return this.done(dc, turn, msg(turn, 'cannotChange'));
        const slots = action?.kind === 'dates'
          ? { ...state.slots, checkIn: action.checkIn, checkOut: action.checkOut }
          : mergeSlots(state.slots, u, state.datesAsking, turn.text);
        return this.askDates(dc, turn, { ...state, slots }, booking);
      }
      case 'change': {
        const booking = await this.current(turn, state);
        if (!booking || no) return this.done(dc, turn, msg(turn, 'cancelKept'));
        if (!yes || !state.slots.checkIn || !state.slots.checkOut || state.newTotal === null) {
          await notUnderstood(dc.context, turn, msg(turn, 'askConfirm'), this.yesNo(turn));
          return Dialog.EndOfTurn;
        }
        const stay = { checkIn: state.slots.checkIn, checkOut: state.slots.checkOut };
        const changed = await changeBookingDates(this.services.deps, {
          propertyId: booking.propertyId,
          bookingId: booking.id,
          stay,
          expectedTotal: state.newTotal,
          requestId: requestIdOf(dc.context.activity, this.services.deps.ids.id()),
          actor: `guest:${booking.guestId ?? 'unknown'}`,
        });
        if (changed.ok) {
          // The difference is settled under the property's policy: a checkout for more, a refund for less.
          const settled = await settleDateChange(this.money(), changed.value.booking);
          const stayText = formatStay(stay, stayLength(stay), turn.profile.locale);
          const amount = (minor: number) => formatMoney(minor, turn.property.currency, turn.profile.locale);
          this.services.log.info({ propertyId: booking.propertyId, bookingId: booking.id, difference: settled.kind }, 'booking dates changed by guest');
          if (settled.kind === 'charge') {
            const text = msg(turn, 'changeDonePay', { reference: booking.reference, stay: stayText, amount: amount(settled.amount), url: settled.link.url });
            return this.done(dc, turn, settled.link.demo ? `${text}\n${msg(turn, 'payDemo')}` : text);
          }
          if (settled.kind === 'refund' && settled.amount > 0) return this.done(dc, turn, msg(turn, 'changeDoneRefund', { reference: booking.reference, stay: stayText, amount: amount(settled.amount) }));
          return this.done(dc, turn, msg(turn, 'changeDone', { reference: booking.reference, stay: stayText }));
        }
        if (changed.code === 'price_changed') return this.askDates(dc, turn, state, booking);
        await say(dc.context, msg(turn, 'changeUnavailable', { stay: formatStay(stay, stayLength(stay), turn.profile.locale) }));
        return this.ask(dc, { ...state, slots: { ...EMPTY_SLOTS, adults: booking.party.adults, children: booking.party.children }, datesAsking: 'checkIn' }, 'dates', msg(turn, 'askNewDates'));
      }
    }
  }

  override async repromptDialog(context: TurnContext, instance: { state: unknown }): Promise<void> {
    const turn = await getTurn(context, this.services, this.profiles);
    const state = instance.state as ManageState;
    const text = {
      reference: msg(turn, 'askReference'),
      email: msg(turn, 'askBookingEmail'),
      pick: msg(turn, 'yourBookings'),
      action: msg(turn, 'manageWhat'),
      cancel: msg(turn, 'askCancelConfirm'),
      dates: msg(turn, 'askNewDates'),
      change: msg(turn, 'askConfirm'),
    }[state.asking];
    await say(context, text);
  }

  private async withReference(dc: DialogContext, turn: Turn, state: ManageState, reference: string, email: string | null): Promise<DialogTurnResult> {
    const mine = await this.mine(dc.context, turn);
    const own = mine.find((b) => b.reference === reference);
    if (own) return this.found(dc, turn, state, own);
    if (!email) return this.ask(dc, { ...state, reference }, 'email', msg(turn, 'askBookingEmail'));
    const booking = await findBookingByReferenceAndEmail(this.services.deps, turn.property.id, reference, email);
    if (!booking) return this.ask(dc, { ...state, reference: null }, 'reference', `${msg(turn, 'bookingNotFound')}`);
    return this.found(dc, turn, state, booking);
  }

  private async found(dc: DialogContext, turn: Turn, state: ManageState, booking: Booking): Promise<DialogTurnResult> {
    const next = { ...state, bookingId: booking.id, reference: booking.reference };
    await say(dc.context, bookingDetails(turn, booking));
    if (next.wish) return this.act(dc, turn, next, booking);
    if (booking.state === 'cancelled' || booking.state === 'expired' || booking.state === 'declined') return this.done(dc, turn, msg(turn, 'anythingElse'));
    this.save(dc, { ...next, asking: 'action' });
    await say(dc.context, msg(turn, 'manageWhat'), this.actions(turn));
    return Dialog.EndOfTurn;
  }

  private async act(dc: DialogContext, turn: Turn, state: ManageState, booking: Booking): Promise<DialogTurnResult> {
    if (state.wish === 'cancel') {
      if (booking.state === 'cancelled') return this.done(dc, turn, msg(turn, 'anythingElse'));
      const preview = previewCancellation(this.services.deps, booking);
      const money = (minor: number) => formatMoney(minor, turn.property.currency, turn.profile.locale);
      let text = '';
      if (preview.ok && booking.amountPaid > 0) {
        const o = preview.value;
        text = o.free ? msg(turn, 'cancelPreviewFree', { refund: money(o.refund) }) : o.refund === 0 ? msg(turn, 'cancelPreviewNone') : msg(turn, 'cancelPreviewPartial', { refund: money(o.refund), retained: money(o.retained) });
      }
      this.save(dc, { ...state, asking: 'cancel' });
      await say(dc.context, [text, msg(turn, 'askCancelConfirm')].filter(Boolean).join(' '), this.yesNo(turn));
      return Dialog.EndOfTurn;
    }
    if (booking.state !== 'confirmed') return this.done(dc, turn, msg(turn, 'cannotChange'));
    const slots = { ...EMPTY_SLOTS, ...this.datesFrom(turn), adults: booking.party.adults, children: booking.party.children };
    return this.askDates(dc, turn, { ...state, slots }, booking);
  }

  private datesFrom(turn: Turn): Partial<StaySlots> {
    const { stay, nights } = turn.u;
    return stay.checkIn ? { checkIn: stay.checkIn, checkOut: stay.checkOut, nights } : {};
  }

  private async askDates(dc: DialogContext, turn: Turn, state: ManageState, booking: Booking): Promise<DialogTurnResult> {
    const missing = missingSlot(state.slots);
    const { checkIn, checkOut } = state.slots;
    if (missing || !checkIn || !checkOut) {
      const text = missing === 'checkOut' && checkIn ? msg(turn, 'askCheckOut', { checkIn: formatNight(checkIn, turn.profile.locale) }) : msg(turn, 'askNewDates');
      return this.ask(dc, { ...state, datesAsking: missing }, 'dates', text);
    }
    const stay = { checkIn, checkOut };
    const stayText = formatStay(stay, stayLength(stay), turn.profile.locale);
    const preview = await previewDateChange(this.services.deps, booking, stay);
    if (!preview.ok) {
      const why = preview.code === 'min_stay' ? msg(turn, 'minStay', { nights: turn.property.pricing.minStay }) : msg(turn, 'changeUnavailable', { stay: stayText });
      return this.ask(dc, { ...state, slots: { ...state.slots, checkIn: null, checkOut: null, nights: null }, datesAsking: 'checkIn' }, 'dates', `${why} ${msg(turn, 'askNewDates')}`);
    }
    const locale = turn.profile.locale;
    const delta = preview.value.total - booking.quote.total;
    const money = (minor: number) => formatMoney(minor, turn.property.currency, locale);
    const difference = delta === 0 ? msg(turn, 'same') : delta > 0 ? msg(turn, 'more', { amount: money(delta) }) : msg(turn, 'less', { amount: money(-delta) });
    this.save(dc, { ...state, asking: 'change', newTotal: preview.value.total });
    await say(dc.context, msg(turn, 'changePreview', { stay: stayText, total: money(preview.value.total), difference }), this.yesNo(turn));
    return Dialog.EndOfTurn;
  }

  private async listMine(dc: DialogContext, turn: Turn, state: ManageState, mine: Booking[]): Promise<DialogTurnResult> {
    this.save(dc, { ...state, asking: 'pick' });
    const locale = turn.profile.locale;
    await say(
      dc.context,
      msg(turn, 'yourBookings'),
      mine.map((b) => button(`${b.reference} · ${formatNight(b.stay.checkIn, locale)}`, { kind: 'booking', reference: b.reference })),
    );
    return Dialog.EndOfTurn;
  }

  private mine(context: TurnContext, turn: Turn): Promise<Booking[]> {
    return upcomingBookingsOf(this.services.deps, turn.property.id, context.activity.channelId, context.activity.from.id);
  }

  private money(): MoneyDeps {
    return { ...this.services.deps, payments: this.services.payments, notifier: this.services.notifier };
  }

  private async current(turn: Turn, state: ManageState): Promise<Booking | null> {
    return state.bookingId ? this.services.deps.store.getBooking(turn.property.id, state.bookingId) : null;
  }

  private actions(turn: Turn) {
    return [
      button(msg(turn, 'btnCancelBooking'), { kind: 'cancel_booking' }),
      button(msg(turn, 'btnChangeDates'), { kind: 'change_dates' }),
      button(msg(turn, 'btnNothing'), { kind: 'nothing' }),
    ];
  }

  private yesNo(turn: Turn) {
    return [button(msg(turn, 'btnYes'), { kind: 'yes' }), button(msg(turn, 'btnNo'), { kind: 'no' })];
  }

  private async ask(dc: DialogContext, state: ManageState, asking: Asking, text: string): Promise<DialogTurnResult> {
    this.save(dc, { ...state, asking });
    await say(dc.context, text);
    return Dialog.EndOfTurn;
  }

  private async done(dc: DialogContext, turn: Turn, text: string): Promise<DialogTurnResult> {
    await say(dc.context, text);
    return dc.endDialog();
  }

  private save(dc: DialogContext, state: ManageState): void {
    if (dc.activeDialog) dc.activeDialog.state = state;
  }
}
