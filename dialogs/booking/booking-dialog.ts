import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ratePlanOf, unitTypeOf } from '../../domain/catalog/catalog';
import { localize } from '../../domain/catalog/locales';
import { stayLength } from '../../domain/calendar/nights';
import { bookStay, type BookStayFailure } from '../../domain/usecases/book-stay';
import { formatMoney, formatParty, formatStay } from '../messages/format';
import type { ProfileAccessor } from '../profile';
import { BOOKING_DIALOG, SEARCH_DIALOG, type SearchOptions, type Selection } from '../search/search-dialog';
import { termsText } from '../search/offer-cards';
import { mentionsStay, mergeSlots } from '../search/stay-slots';
import type { ConversationServices } from '../services';
import { addressOf, button, getTurn, msg, notUnderstood, requestIdOf, say, type Turn } from '../turn';
import { bookingDetails } from './booking-details';
import { readEmail, readName, readPhone } from './contact';

type Asking = 'name' | 'email' | 'phone' | 'confirm' | 'price';

interface BookingState {
  selection: Selection;
  name: string | null;
  email: string | null;
  phone: string | null;
  asking: Asking | null;
}

/** Contact details, a summary with the total and terms, then the booking use case's answer, told. */
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
        if (yes) return this.book(dc, turn, state);
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

  /** Asks the booking use case to book the stay, and tells the guest what came of it. */
  private async book(dc: DialogContext, turn: Turn, state: BookingState): Promise<DialogTurnResult> {
    const { deps, payments, notifier, log } = this.services;
    const { activity } = dc.context;
    const { property, profile } = turn;
    const booked = await bookStay({ ...deps, payments, notifier }, {
      propertyId: property.id,
      ...state.selection,
      guest: { channel: activity.channelId, channelUserId: activity.from.id, locale: profile.locale, name: state.name, email: state.email, phone: state.phone },
      address: addressOf(activity, profile.locale),
      // A message delivered twice by the channel must not book twice.
      requestId: requestIdOf(activity, deps.ids.id()),
    });
    if (!booked.ok) return this.notBooked(dc, turn, state, booked);

    const outcome = booked.value;
    const { booking } = outcome;
    profile.guestId = booking.guestId;
    log.info({ propertyId: property.id, bookingId: booking.id, outcome: outcome.code }, 'booking made');
    switch (outcome.code) {
      case 'requested':
        await say(dc.context, msg(turn, 'requestSent', { reference: booking.reference }));
        break;
      case 'awaiting_payment': {
        const { checkout } = outcome;
        const minutes = Math.max(1, Math.round((Date.parse(booking.holdExpiresAt) - deps.clock.now().getTime()) / 60_000));
        await say(dc.context, msg(turn, 'held', { reference: booking.reference, minutes }));
        await say(dc.context, [msg(turn, 'payNow', { url: checkout.url }), checkout.demo ? msg(turn, 'payDemo') : ''].filter(Boolean).join('\n'));
        break;
      }
      case 'already_handled':
        await say(dc.context, bookingDetails(turn, booking));
        break;
    }
    return dc.endDialog(booking.reference);
  }

  private async notBooked(dc: DialogContext, turn: Turn, state: BookingState, failure: BookStayFailure): Promise<DialogTurnResult> {
    const { property, profile } = turn;
    if (failure.code === 'price_changed' && failure.detail) {
      const updated = { ...state, asking: 'price' as const, selection: { ...state.selection, expectedTotal: failure.detail.quote.total } };
      if (dc.activeDialog) dc.activeDialog.state = updated;
      await say(dc.context, msg(turn, 'priceChanged', { total: formatMoney(updated.selection.expectedTotal, property.currency, profile.locale) }), this.yesNo(turn));
      return Dialog.EndOfTurn;
    }
    if (failure.code === 'payment_unavailable') {
      this.services.log.warn({ propertyId: property.id, bookingId: failure.detail?.bookingId, err: failure.detail?.cause }, 'payment link could not be created');
      await say(dc.context, msg(turn, 'paymentUnavailable'));
      return dc.endDialog();
    }
    this.services.log.info({ propertyId: property.id, code: failure.code }, 'hold refused');
    await say(dc.context, msg(turn, 'soldOutMeanwhile'));
    const { stay, party } = state.selection;
    return dc.replaceDialog(SEARCH_DIALOG, { slots: { ...stay, nights: stayLength(stay), adults: party.adults, children: party.children } } satisfies SearchOptions);
  }
}
