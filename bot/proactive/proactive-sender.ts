import type { Activity, ConversationReference } from 'botbuilder';
import type { GuestAddress } from '../../domain/guests/guest-address';
import type { MajordomeAdapter } from '../bot-adapter';

/**
 * Delivers activities into a conversation the guest is not writing in right now. The Bot
 * Framework channels go through the CloudAdapter and the channel's connector; a channel served
 * in-process (our own Direct Line for web chat) registers a sender that writes to its log.
 */
export interface ProactiveSender {
  send(address: GuestAddress, activities: Partial<Activity>[]): Promise<void>;
}

export function conversationReferenceOf(address: GuestAddress): Partial<ConversationReference> {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversation: { id: address.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: address.userId, name: '' },
    bot: { id: address.botId, name: '' },
    locale: address.locale,
  };
}

/** Through the channel's connector at the address's serviceUrl, authenticated as the bot. */
export class ConnectorSender implements ProactiveSender {
  constructor(
    private readonly adapter: MajordomeAdapter,
    /** The bot's app id; '' without credentials (the emulator, loopback tests). */
    private readonly appId: string,
  ) {}

  async send(address: GuestAddress, activities: Partial<Activity>[]): Promise<void> {
    // The adapter's onTurnError would swallow a failed send (and answer with an apology), so
    // the failure is carried out of the turn and thrown here, where the caller can count it.
    let failure: unknown = null;
    await this.adapter.continueConversationAsync(this.appId, conversationReferenceOf(address), async (context) => {
      try {
        await context.sendActivities(activities);
      } catch (error) {
        failure = error ?? new Error('send failed');
      }
    });
    if (failure !== null) throw failure;
  }
}
