import type { Activity, ChannelAccount } from 'botbuilder';

/** The channel id the bot sees for web chat, as on Azure. */
export const WEBCHAT_CHANNEL_ID = 'webchat';

export interface Participants {
  conversationId: string;
  user: { id: string; name?: string | undefined };
  bot: { id: string; name: string };
}

/** Drops `undefined`s and turns Dates into strings: what is logged is exactly what clients get. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function account(a: { id: string; name?: string | undefined }, role: 'user' | 'bot'): ChannelAccount {
  return { id: a.id, name: a.name ?? '', role };
}

/** `activity` as it travels on web chat: its id and time, the conversation, and who sends it to whom. */
function onWebchat(activity: Partial<Activity>, p: Participants, id: string, now: Date, serviceUrl: string, sender: 'user' | 'bot'): Partial<Activity> {
  const receiver = sender === 'bot' ? 'user' : 'bot';
  return plain({
    ...activity,
    id,
    timestamp: now,
    channelId: WEBCHAT_CHANNEL_ID,
    serviceUrl,
    conversation: { id: p.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: account(p[sender], sender),
    recipient: account(p[receiver], receiver),
  });
}

/**
 * What the bot sends, as clients receive it: with an id, a timestamp and roles on both
 * accounts (Web Chat places a message on the bot's or the guest's side by `from.role`).
 */
export function fromBot(activity: Partial<Activity>, p: Participants, id: string, now: Date, serviceUrl: string): Partial<Activity> {
  return onWebchat(activity, p, id, now, serviceUrl, 'bot');
}

/** What the guest sent, as the log echoes it and the bot receives it (bound to the token's user). */
export function fromUser(activity: Partial<Activity>, p: Participants, id: string, now: Date, serviceUrl: string): Partial<Activity> {
  return onWebchat(activity, p, id, now, serviceUrl, 'user');
}
