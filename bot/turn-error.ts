import type { Activity, ConversationState, TurnContext } from 'botbuilder';
import { isStoreUnavailable } from '../adapters/store/unavailable';
import type { Logger } from './logger';
import { TURN_ERROR_TEXT, turnErrorLocale } from './turn-error-text';

/** Both bot storages reject a stale eTag with this code (another turn saved first). */
export function isETagConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'etag_conflict';
}

/**
 * The error for the log, without guest data: the message and stack may quote what the guest
 * wrote (a parser error, a validation message), so the turn's text and anything shaped like an
 * email or a phone number are masked.
 */
export function loggableError(error: unknown, activity: Partial<Activity>): { type: string; code?: string; message: string; stack?: string } {
  const guestText = typeof activity.text === 'string' ? activity.text.trim() : '';
  const scrub = (s: string) => {
    let out = guestText.length >= 3 ? s.split(guestText).join('[guest text]') : s;
    // An address may only start where its run of characters starts, so a long run is scanned once.
    out = out.replace(/(?<![^\s"'<>@])[^\s"'<>@]+@[^\s"'<>@]+\.[^\s"'<>@]+/g, '[email]').replace(/\+?\d[\d ().-]{6,}\d/g, '[number]');
    return out;
  };
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]' };
  const code: unknown = Reflect.get(error, 'code');
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrub(error.message),
    ...(error.stack ? { stack: scrub(error.stack) } : {}),
  };
}

/** Ids only: enough to find the turn in the channel's own tools, nothing about the guest. */
export function turnIds(activity: Partial<Activity>): { conversationId?: string; activityId?: string; channelId?: string } {
  return { conversationId: activity.conversation?.id, activityId: activity.id, channelId: activity.channelId };
}

/**
 * What the adapter does when a turn throws: log it without personal data, tell the guest in
 * their language, and clear the conversation state so the next message starts afresh instead
 * of replaying the step that failed. Two exceptions keep the state: a stale-eTag conflict (the
 * state saved by the other turn is good; the guest is asked to resend) and an unreachable store
 * (the state there is intact; the guest is asked to try again in a minute). Never throws: a
 * failure here must not turn into a 500 that makes the channel retry the broken turn.
 */
export function createTurnErrorHandler(deps: { conversationState: ConversationState; log: Logger }): (context: TurnContext, error: Error) => Promise<void> {
  const { conversationState, log } = deps;
  return async (context, error) => {
    const activity = context.activity;
    const conflict = isETagConflict(error);
    const unavailable = !conflict && isStoreUnavailable(error);
    const keep = conflict || unavailable;
    log.error({ ...turnIds(activity), err: loggableError(error, activity), stateCleared: !keep }, conflict ? 'turn lost a state race' : unavailable ? 'turn could not reach the store' : 'turn failed');
    if (!keep) {
      try {
        await conversationState.delete(context);
      } catch (e) {
        log.error({ ...turnIds(activity), err: loggableError(e, activity) }, 'could not clear conversation state after a failed turn');
      }
    }
    // A guest is waiting only after a message or on joining; events and invokes have no reader.
    if (activity.type !== 'message' && activity.type !== 'conversationUpdate') return;
    try {
      await context.sendActivity(TURN_ERROR_TEXT[conflict ? 'crossed' : unavailable ? 'unavailable' : 'failed'][turnErrorLocale(activity.locale)]);
    } catch (e) {
      log.error({ ...turnIds(activity), err: loggableError(e, activity) }, 'could not tell the guest that the turn failed');
    }
  };
}
