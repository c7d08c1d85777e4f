import type { Activity, TurnContext } from 'botbuilder';
import type { ProcessedEvents } from '../domain/payments/event-log';
import type { Logger } from './logger';
import { turnIds } from './turn-error';

/** A turn normally ends in seconds; a claim whose turn died lapses after this, so a retry gets through. */
export const TURN_CLAIM_MS = 30_000;
/** Channels redeliver within minutes; a day is far beyond any retry. */
export const TURN_RETENTION_MS = 24 * 3600_000;

/**
 * The id a redelivery of the same guest message carries: the client's own id where the channel
 * has one (web chat's clientActivityID survives a re-post, which gets a new server id), else the
 * activity's id. Null when neither exists: such a turn cannot be told from a new one.
 */
export function deliveryKey(activity: Partial<Activity>): string | null {
  const channelData: unknown = activity.channelData;
  const clientId: unknown = typeof channelData === 'object' && channelData !== null ? Reflect.get(channelData, 'clientActivityID') : undefined;
  const id = typeof clientId === 'string' && clientId !== '' ? clientId : activity.id;
  if (!id || !activity.conversation?.id) return null;
  return `${activity.channelId ?? ''}/${activity.conversation.id}/${id}`.slice(0, 512);
}

/**
 * Runs each guest message once, however often it is delivered: the id is claimed before the
 * turn and marked done only after the turn, state saving included, has ended. A turn that
 * fails gives its claim back, so the retry runs; a redelivery of a message done or in hand is
 * dropped quietly. A claim that cannot be made (the store is down) fails the turn, whose error
 * handler tells the guest.
 */
export function oncePerActivity(ids: ProcessedEvents, logic: (context: TurnContext) => Promise<void>, log: Logger): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    const key = activity.type === 'message' ? deliveryKey(activity) : null;
    if (key === null) return logic(context);
    if (!(await ids.claim(key))) {
      log.info({ ...turnIds(activity) }, 'message delivered again; already handled or in hand, skipped');
      return;
    }
    try {
      await logic(context);
    } catch (error) {
      await ids.release(key).catch(() => undefined);
      throw error;
    }
    // The turn has answered: a failure to record that must not tell the guest otherwise.
    await ids.done(key).catch((error: unknown) => log.warn({ ...turnIds(activity), err: error instanceof Error ? error.message : 'unknown' }, 'could not mark a message handled'));
  };
}
