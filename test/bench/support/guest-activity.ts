/**
 * What a Bot Framework channel POSTs to /api/messages for a guest's message, as the Emulator
 * sends it: ids, the channel, the conversation, the serviceUrl the replies go to.
 */
import { randomUUID } from 'node:crypto';

export interface GuestMessage {
  serviceUrl: string;
  conversationId: string;
  text: string;
  locale?: string;
  activityId?: string;
  channelId?: string;
}

export function guestMessage(m: GuestMessage): Record<string, unknown> & { id: string } {
  return {
    type: 'message',
    id: m.activityId ?? randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: m.channelId ?? 'emulator',
    serviceUrl: m.serviceUrl,
    from: { id: `guest-${m.conversationId}`, role: 'user' },
    recipient: { id: 'majordome', role: 'bot' },
    conversation: { id: m.conversationId },
    text: m.text,
    textFormat: 'plain',
    ...(m.locale ? { locale: m.locale } : {}),
  };
}
