import { ActivityTypes, MessageFactory } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { addDays, dateIn, daysBetween, stayLength, type Stay } from '../../domain/calendar/nights';
import { searchStay, type SearchResult } from '../../domain/usecases/search-stay';
import type { Party } from '../../domain/pricing/quote-types';
import { formatMoney, formatNight, formatParty, formatStay } from '../messages/format';
import type { ProfileAccessor } from '../profile';
import type { ConversationServices } from '../services';
import { button, getTurn, msg, notUnderstood, say, type Turn } from '../turn';
import { nearestStays } from './alternatives';
import { readChoice, type ShownOffer } from './choice';
import { numberedList, offerCards, planName } from './offer-cards';
import { EMPTY_SLOTS, mentionsStay, mergeSlots, missingSlot, slotsFrom, type StaySlot, type StaySlots } from './stay-slots';

export const SEARCH_DIALOG = 'search';
export const BOOKING_DIALOG = 'booking';

export interface SearchOptions {
  slots?: StaySlots;
}

/** What the guest picked: the booking dialog starts from this. */
export interface Selection {
  unitTypeId: string;
  ratePlanId: string;
  stay: Stay;
  party: Party;
  expectedTotal: number;
}

interface SearchState {
  slots: StaySlots;
  asking: StaySlot | 'choice' | null;
  shown: ShownOffer[];
}

const MAX_NIGHTS = 60;

/** Availability search by slot filling: takes all a message gives, asks only for what is missing. */
export class SearchDialog extends Dialog<SearchOptions> {
  constructor(private readonly services: ConversationServices, private readonly profiles: ProfileAccessor) {
    super(SEARCH_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: SearchOptions): Promise<DialogTurnResult> {
    const turn = await getTurn(dc.context, this.services, this.profiles);
    const state: SearchState = { slots: options?.slots ?? slotsFrom(turn.u), asking: null, shown: [] };
    this.save(dc, state);
    return this.advance(dc, turn, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const turn = await getTurn(dc.context, this.services, this.profiles);
    const state = this.load(dc);

    if (turn.action?.kind === 'dates') {
      state.slots = { ...state.slots, checkIn: turn.action.checkIn, checkOut: turn.action.checkOut, nights: daysBetween(turn.action.checkIn, turn.action.checkOut) };
      return this.advance(dc, turn, state);
    }
    if (turn.action?.kind === 'nights' && state.slots.checkIn) {
      state.slots = { ...state.slots, nights: turn.action.nights, checkOut: addDays(state.slots.checkIn, turn.action.nights) };
      return this.advance(dc, turn, state);
    }
    if (state.asking === 'choice') {
      const choice = readChoice(turn.text, turn.action, turn.u, state.shown);
      if (choice.kind === 'picked') return this.pick(dc, state, choice.unitTypeId, choice.ratePlanId);
      if (choice.kind === 'which_plan') {
        const plans = state.shown.filter((o) => o.unitTypeId === choice.unitTypeId);
        state.shown = plans;
        await this.askChoice(dc, turn, state, plans);
        return Dialog.EndOfTurn;
      }
      if (!mentionsStay(turn.u)) {
        await notUnderstood(dc.context, turn, msg(turn, 'chooseOffer'));
        return Dialog.EndOfTurn;
      }
    }
    const merged = mergeSlots(state.slots, turn.u, state.asking === 'choice' ? null : state.asking, turn.text);
    if (JSON.stringify(merged) === JSON.stringify(state.slots)) {
      await notUnderstood(dc.context, turn, this.question(turn, state.asking === 'choice' ? null : state.asking, state.slots));
      return Dialog.EndOfTurn;
    }
    state.slots = merged;
    return this.advance(dc, turn, state);
  }

  override async repromptDialog(context: DialogContext['context'], instance: { state: unknown }): Promise<void> {
    const turn = await getTurn(context, this.services, this.profiles);
    const state = instance.state as SearchState;
    await say(context, state.asking === 'choice' ? msg(turn, 'chooseOffer') : this.question(turn, state.asking, state.slots));
  }

  private async advance(dc: DialogContext, turn: Turn, state: SearchState): Promise<DialogTurnResult> {
    turn.profile.stayAnchor = state.slots.checkIn;
    const today = dateIn(turn.property.timeZone, this.services.deps.clock.now());
    const slots = state.slots;
    if (slots.checkIn && slots.checkIn < today) {
      state.slots = { ...slots, checkIn: null, checkOut: null };
      return this.ask(dc, turn, state, 'checkIn', msg(turn, 'datesPast'));
    }
    if (slots.checkIn && slots.checkOut && slots.checkOut <= slots.checkIn) {
      state.slots = { ...slots, checkOut: null, nights: null };
      return this.ask(dc, turn, state, 'checkOut', msg(turn, 'datesOrder'));
    }
    if (slots.checkIn && slots.checkOut && daysBetween(slots.checkIn, slots.checkOut) > MAX_NIGHTS) {
      state.slots = { ...slots, checkOut: null, nights: null };
      return this.ask(dc, turn, state, 'checkOut', msg(turn, 'tooLong', { max: MAX_NIGHTS }));
    }
    const missing = missingSlot(state.slots);
    if (missing) return this.ask(dc, turn, state, missing, this.question(turn, missing, state.slots));
    return this.present(dc, turn, state);
  }

  private question(turn: Turn, slot: StaySlot | null, slots: StaySlots): string {
    if (slot === 'checkOut' && slots.checkIn) return msg(turn, 'askCheckOut', { checkIn: formatNight(slots.checkIn, turn.profile.locale) });
    if (slot === 'party') return msg(turn, 'askParty');
    return msg(turn, 'askCheckIn');
  }

  private async ask(dc: DialogContext, turn: Turn, state: SearchState, slot: StaySlot, text: string): Promise<DialogTurnResult> {
    state.asking = slot;
    this.save(dc, state);
    await say(dc.context, text);
    return Dialog.EndOfTurn;
  }

  private async present(dc: DialogContext, turn: Turn, state: SearchState): Promise<DialogTurnResult> {
    const { checkIn, checkOut, adults } = state.slots;
    if (!checkIn || !checkOut || !adults) return this.advance(dc, turn, state);
    const stay = { checkIn, checkOut };
    const party = { adults, children: state.slots.children ?? 0 };
    const result = await searchStay(this.services.deps, { propertyId: turn.property.id, stay, party, channel: 'direct' });
    if (!result.ok) return this.ask(dc, turn, { ...state, slots: EMPTY_SLOTS }, 'checkIn', msg(turn, 'askCheckIn'));
    const locale = turn.profile.locale;
    const stayText = formatStay(stay, stayLength(stay), locale);
    const partyText = msg(turn, 'forParty', { party: formatParty(party, locale) });
    if (result.value.offers.length === 0) return this.explainNothing(dc, turn, state, result.value, stay, party, stayText, partyText);

    const { cards, shown } = offerCards(turn.property, result.value.offers, locale);
    state.shown = shown;
    state.asking = 'choice';
    this.save(dc, state);
    // One activity, not three: every reply is a round trip to the channel.
    const ask = dc.context.activity.channelId === 'sms'
      ? msg(turn, 'chooseNumbered', { list: numberedList(turn.property, shown, turn.profile.locale) })
      : msg(turn, 'chooseOffer');
    await dc.context.sendActivity(MessageFactory.carousel(cards, `${msg(turn, 'offersIntro', { stay: stayText, party: partyText })}\n\n${ask}`));
    return Dialog.EndOfTurn;
  }

  /** Asks for a pick; when the choice is down to one room's plans, those plans are the buttons. */
  private async askChoice(dc: DialogContext, turn: Turn, state: SearchState, shown: ShownOffer[]): Promise<void> {
    state.asking = 'choice';
    this.save(dc, state);
    const locale = turn.profile.locale;
    const text = dc.context.activity.channelId === 'sms'
      ? msg(turn, 'chooseNumbered', { list: numberedList(turn.property, shown, locale) })
      : msg(turn, 'chooseOffer');
    const oneRoom = new Set(shown.map((o) => o.unitTypeId)).size === 1;
    const buttons = oneRoom
      ? shown.map((o) => button(msg(turn, 'planButton', { plan: planName(turn.property, o.ratePlanId, locale), total: formatMoney(o.total, turn.property.currency, locale) }), { kind: 'choose', unitTypeId: o.unitTypeId, ratePlanId: o.ratePlanId }))
      : [];
    await say(dc.context, text, buttons);
  }

  /** Nothing to offer: say why in terms the guest can act on, and what would work instead. */
  private async explainNothing(
    dc: DialogContext,
    turn: Turn,
    state: SearchState,
    result: SearchResult,
    stay: Stay,
    party: Party,
    stayText: string,
    partyText: string,
  ): Promise<DialogTurnResult> {
    const failures = result.unavailable.flatMap((u) => (u.reason === 'quote' ? [u.failure] : []));
    const soldOut = result.unavailable.some((u) => u.reason === 'sold_out');
    const capacity = failures.filter((f) => f.code === 'capacity');
    if (capacity.length === result.unavailable.length) {
      const max = Math.max(...capacity.map((f) => (f.code === 'capacity' ? (f.detail?.maxTotal ?? 0) : 0)));
      state.slots = { ...state.slots, adults: null, children: null };
      return this.ask(dc, turn, state, 'party', `${msg(turn, 'tooManyGuests', { max })} ${msg(turn, 'askParty')}`);
    }
    const minStay = failures.find((f) => f.code === 'min_stay');
    if (minStay && minStay.code === 'min_stay' && minStay.detail && !soldOut) {
      const nights = minStay.detail.minNights;
      state.asking = 'checkOut';
      this.save(dc, state);
      await say(dc.context, msg(turn, 'minStay', { nights }), [button(msg(turn, 'minStayButton', { nights }), { kind: 'nights', nights })]);
      return Dialog.EndOfTurn;
    }
    const closed = failures.find((f) => f.code === 'closed_to_arrival');
    const intro = closed && !soldOut ? msg(turn, 'closedToArrival', { date: formatNight(stay.checkIn, turn.profile.locale) }) : msg(turn, 'noAvailability', { stay: stayText, party: partyText });
    const alternatives = await nearestStays(this.services.deps, turn.property.id, stay, party);
    state.asking = 'checkIn';
    state.slots = { ...state.slots, checkIn: null, checkOut: null };
    this.save(dc, state);
    if (alternatives.length === 0) {
      await say(dc.context, `${intro} ${msg(turn, 'askCheckIn')}`);
      return Dialog.EndOfTurn;
    }
    const locale = turn.profile.locale;
    await say(dc.context, `${intro} ${msg(turn, 'alternativeDates')}`,
      alternatives.map((s) => button(`${formatNight(s.checkIn, locale)} → ${formatNight(s.checkOut, locale)}`, { kind: 'dates', checkIn: s.checkIn, checkOut: s.checkOut })),
    );
    return Dialog.EndOfTurn;
  }

  private async pick(dc: DialogContext, state: SearchState, unitTypeId: string, ratePlanId: string): Promise<DialogTurnResult> {
    const { checkIn, checkOut, adults, children } = state.slots;
    const offer = state.shown.find((o) => o.unitTypeId === unitTypeId && o.ratePlanId === ratePlanId);
    if (!checkIn || !checkOut || !adults || !offer) return Dialog.EndOfTurn;
    const selection: Selection = { unitTypeId, ratePlanId, stay: { checkIn, checkOut }, party: { adults, children: children ?? 0 }, expectedTotal: offer.total };
    return dc.replaceDialog(BOOKING_DIALOG, selection);
  }

  private load(dc: DialogContext): SearchState {
    return dc.activeDialog?.state as SearchState;
  }

  private save(dc: DialogContext, state: SearchState): void {
    if (dc.activeDialog) dc.activeDialog.state = state;
  }
}
