import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { BookingDialog } from '../booking/booking-dialog';
import { formatCount } from '../messages/format';
import { ManageDialog, MANAGE_DIALOG, type ManageOptions } from '../manage/manage-dialog';
import type { ProfileAccessor } from '../profile';
import { SEARCH_DIALOG, SearchDialog, type SearchOptions } from '../search/search-dialog';
import { mentionsStay, slotsFrom } from '../search/stay-slots';
import type { ConversationServices } from '../services';
import { button, getTurn, msg, notUnderstood, propertyName, say, type Turn } from '../turn';
import { MAX_MESSAGE_LENGTH } from '../understanding/limits';
import { alertStaff, answerConcierge, answerFaq, answerFeedback } from './simple-answers';

export const MAIN_DIALOG = 'main';

/** A guest away this long is welcomed back before carrying on. */
const AWAY_MS = 30 * 60_000;

/**
 * The root of every conversation: handles what can interrupt any step (help, cancel, start
 * over, a person, another language), then lets the active flow continue or routes by intent.
 * It never ends, so the conversation always has somewhere to go.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly services: ConversationServices, private readonly profiles: ProfileAccessor) {
    super(MAIN_DIALOG);
    this.addDialog(new SearchDialog(services, profiles));
    this.addDialog(new BookingDialog(services, profiles));
    this.addDialog(new ManageDialog(services, profiles));
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.turn(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.turn(innerDc);
  }

  private async turn(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { context } = innerDc;
    if (context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const turn = await getTurn(context, this.services, this.profiles);
    const { profile, u } = turn;
    if (turn.tooLong) {
      // Not read, so nothing changes: the step in progress still waits for its answer.
      await say(context, msg(turn, 'messageTooLong', { max: formatCount(MAX_MESSAGE_LENGTH, profile.locale) }));
      return Dialog.EndOfTurn;
    }
    const away = profile.lastSeenAt !== null && this.services.deps.clock.now().getTime() - Date.parse(profile.lastSeenAt) > AWAY_MS;
    // Short replies ("ok", "2") say nothing about the language; longer ones may switch it.
    if (!turn.action && hasTwoWords(turn.text)) profile.locale = u.locale;

    if (!(await this.interrupt(innerDc, turn, away))) {
      if (innerDc.activeDialog) await innerDc.continueDialog();
      else await this.route(innerDc, turn);
    }
    // Outside a flow, no date is under discussion any more.
    if (!innerDc.activeDialog) profile.stayAnchor = null;
    profile.misunderstandings = turn.misunderstood ? profile.misunderstandings + 1 : 0;
    profile.lastSeenAt = this.services.deps.clock.now().toISOString();
    await this.profiles.set(context, profile);
    return Dialog.EndOfTurn;
  }

  /** True when the message was an interruption and has been dealt with. */
  private async interrupt(innerDc: DialogContext, turn: Turn, away: boolean): Promise<boolean> {
    const { context } = innerDc;
    const { u, action, profile } = turn;
    const short = turn.text.split(/\s+/).length <= 3;
    if (action?.kind === 'human' || u.intent === 'handoff') {
      await alertStaff(context, turn, this.services, 'handoff', 'A guest asked to talk to someone');
      profile.flaggedForStaff = true;
      await innerDc.cancelAllDialogs();
      await say(context, msg(turn, 'handoff'));
      return true;
    }
    if (u.switchLocale) {
      profile.locale = u.switchLocale;
      await say(context, msg(turn, 'languageSwitched'));
      if (innerDc.activeDialog) await innerDc.repromptDialog();
      return true;
    }
    if (action?.kind === 'keep') {
      await say(context, msg(turn, 'keepGoing'));
      if (innerDc.activeDialog) await innerDc.repromptDialog();
      return true;
    }
    if (action?.kind === 'help' || (u.command === 'help' && short)) {
      await say(context, msg(turn, 'help'));
      if (innerDc.activeDialog) await innerDc.repromptDialog();
      return true;
    }
    if (u.command === 'cancel' && short && u.intent !== 'manage_booking' && !innerDc.activeDialog?.id.startsWith(MANAGE_DIALOG)) {
      await innerDc.cancelAllDialogs();
      await say(context, msg(turn, 'cancelled'), this.menu(turn));
      return true;
    }
    if (action?.kind === 'restart' || (u.command === 'start_over' && short)) {
      await innerDc.cancelAllDialogs();
      await say(context, msg(turn, 'startOver'), this.menu(turn));
      return true;
    }
    if (innerDc.activeDialog && away && u.intent === 'greeting') {
      const where = innerDc.activeDialog.id === SEARCH_DIALOG ? 'whereSearching' : innerDc.activeDialog.id === MANAGE_DIALOG ? 'whereManaging' : 'whereBooking';
      await say(context, msg(turn, 'welcomeBack', { where: msg(turn, where) }));
      await innerDc.repromptDialog();
      return true;
    }
    return false;
  }

  private async route(innerDc: DialogContext, turn: Turn): Promise<void> {
    const { context } = innerDc;
    const { u, action } = turn;
    if (action?.kind === 'book' || u.intent === 'book' || (u.intent === 'other' && mentionsStay(u))) {
      await innerDc.beginDialog(SEARCH_DIALOG, { slots: slotsFrom(u) } satisfies SearchOptions);
      return;
    }
    if (action?.kind === 'manage' || u.intent === 'manage_booking' || u.entities.reference) {
      await innerDc.beginDialog(MANAGE_DIALOG, { text: turn.text } satisfies ManageOptions);
      return;
    }
    if (u.intent === 'faq') return answerFaq(context, turn, this.services);
    if (u.intent === 'concierge') return answerConcierge(context, turn, this.services);
    if (u.intent === 'feedback') return answerFeedback(context, turn, this.services);
    if (u.intent === 'greeting') {
      await say(context, msg(turn, 'greeting', { property: propertyName(turn.property, turn.profile.locale) }), this.menu(turn));
      return;
    }
    if (action?.kind === 'nothing' || u.command === 'no') {
      await say(context, msg(turn, 'anythingElse'), this.menu(turn));
      return;
    }
    await notUnderstood(context, turn, msg(turn, 'other'), this.menu(turn));
  }

  private menu(turn: Turn) {
    return [
      button(msg(turn, 'btnBook'), { kind: 'book' }),
      button(msg(turn, 'btnMyBooking'), { kind: 'manage' }),
      button(msg(turn, 'btnHuman'), { kind: 'human' }),
    ];
  }
}

const TWO_LETTERS = /\p{L}{2}/u;
const SPACE = /\s/;

/**
 * Two words of two letters or more, apart: "ok", "2" or "12-15/12" say nothing about the
 * language. Three scans for fixed-length patterns, each resuming where the last stopped, so
 * it is linear however the text looks (a single regex for it backtracked for seconds on one
 * long word).
 */
export function hasTwoWords(text: string): boolean {
  const first = TWO_LETTERS.exec(text);
  if (first === null) return false;
  const rest = text.slice(first.index + first[0].length);
  const space = SPACE.exec(rest);
  return space !== null && TWO_LETTERS.test(rest.slice(space.index + 1));
}
