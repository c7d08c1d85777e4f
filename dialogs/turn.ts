import { type Activity, type CardAction, ActionTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { isLocale, localize, type Locale } from '../domain/catalog/locales';
import type { GuestAddress } from '../domain/guests/guest-address';
import type { Property } from '../domain/catalog/schema';
import { parseAction, actionValue, type ButtonAction } from './actions';
import { t, type ArgsOf, type MessageKey } from './messages/catalog';
import type { ConversationProfile, ProfileAccessor } from './profile';
import type { ConversationServices } from './services';
import { MAX_MESSAGE_LENGTH } from './understanding/limits';
import type { Understanding } from './understanding/types';

const TURN_KEY = Symbol('majordome.turn');

/** Everything one incoming message means, worked out once and shared by every dialog this turn. */
export interface Turn {
  profile: ConversationProfile;
  property: Property;
  /** What the guest typed, trimmed; empty when it was too long to read. */
  text: string;
  /** Longer than MAX_MESSAGE_LENGTH: not read at all, the guest is asked for a shorter one. */
  tooLong: boolean;
  action: ButtonAction | null;
  u: Understanding;
  /** Set by a dialog that could not use the message; two such turns in a row offer a person. */
  misunderstood: boolean;
}

export function emptyUnderstanding(locale: Locale): Understanding {
  return {
    locale,
    intent: 'other',
    stay: { checkIn: null, checkOut: null },
    nights: null,
    party: { adults: null, children: null },
    entities: { email: null, phone: null, reference: null, unitTypeId: null },
    command: null,
    switchLocale: null,
  };
}

/** The names a guest may use for each unit type, in every language the property wrote. */
export function unitTypeNames(property: Property): { id: string; names: string[] }[] {
  return property.unitTypes.map((u) => ({ id: u.id, names: Object.values(u.name).filter((n): n is string => !!n) }));
}

export async function getTurn(context: TurnContext, services: ConversationServices, profiles: ProfileAccessor): Promise<Turn> {
  const cached = context.turnState.get(TURN_KEY) as Turn | undefined;
  if (cached) return cached;
  const profile = await profiles.get(context);
  const channelProperty = (context.activity.channelData as { propertyId?: unknown } | undefined)?.propertyId;
  if (typeof channelProperty === 'string' && services.deps.catalog.get(channelProperty)) profile.propertyId = channelProperty;
  const property = services.deps.catalog.get(profile.propertyId) ?? services.deps.catalog.list()[0];
  if (!property) throw new Error('no property in the catalogue');
  profile.propertyId = property.id;

  const typed = (context.activity.text ?? '').trim();
  // Past the cap nothing reads the text, so no message, however big, costs more than one at the cap.
  const tooLong = typed.length > MAX_MESSAGE_LENGTH;
  const text = tooLong ? '' : typed;
  const action = parseAction(text);
  const u = action || !text
    ? emptyUnderstanding(profile.locale)
    : services.understand(text, {
        locale: profile.locale,
        now: services.deps.clock.now(),
        timeZone: property.timeZone,
        unitTypes: unitTypeNames(property),
        ...(profile.stayAnchor ? { anchor: profile.stayAnchor } : {}),
      });
  const turn: Turn = { profile, property, text, tooLong, action, u, misunderstood: false };
  context.turnState.set(TURN_KEY, turn);
  return turn;
}

export function localeOf(context: TurnContext, fallback: Locale): Locale {
  const tag = (context.activity.locale ?? '').slice(0, 2).toLowerCase();
  return isLocale(tag) ? tag : fallback;
}

export function propertyName(property: Property, locale: Locale): string {
  return localize(property.name, locale);
}

export function button(title: string, action: ButtonAction): CardAction {
  return { type: ActionTypes.PostBack, title, value: actionValue(action), displayText: title };
}

/** Sends text with standard suggested actions, which each channel renders its own way. */
export async function say(context: TurnContext, text: string, buttons: CardAction[] = []): Promise<void> {
  const activity: Partial<Activity> = buttons.length ? MessageFactory.suggestedActions(buttons, text) : MessageFactory.text(text);
  await context.sendActivity(activity);
}

export function msg<K extends MessageKey>(turn: Turn, key: K, ...params: ArgsOf<K>): string {
  return t(turn.profile.locale, key, ...params);
}

/** Says so politely; the main dialog counts these and offers a person after two in a row. */
export async function notUnderstood(context: TurnContext, turn: Turn, reprompt: string, buttons: CardAction[] = []): Promise<void> {
  turn.misunderstood = true;
  if (turn.profile.misunderstandings + 1 >= 2) {
    await say(context, msg(turn, 'offerHuman'), [button(msg(turn, 'btnHuman'), { kind: 'human' }), button(msg(turn, 'btnKeepGoing'), { kind: 'keep' })]);
    return;
  }
  await say(context, `${msg(turn, 'notUnderstood')} ${reprompt}`, buttons);
}

/**
 * One guest message, as the channel identifies it: a redelivered message gets the same id, so
 * holding or moving a booking for it is never done twice. Without an activity id every call
 * is new (`fallback`).
 */
export function requestIdOf(activity: Activity, fallback: string): string {
  if (!activity.id) return fallback;
  return [activity.channelId, activity.conversation.id, activity.from.id, activity.id].join('|');
}

/** Where to answer this guest later, about the booking made in this conversation. */
export function addressOf(activity: Activity, locale: Locale): GuestAddress {
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversationId: activity.conversation.id,
    userId: activity.from.id,
    botId: activity.recipient.id,
    locale,
  };
}
