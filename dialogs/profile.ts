import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale } from '../domain/catalog/locales';

/** What the conversation remembers across turns besides the dialog stack. Plain JSON. */
export interface ConversationProfile {
  propertyId: string;
  locale: Locale;
  /** Turns in a row the bot did not understand; two offers a person. */
  misunderstandings: number;
  /** Set when the guest asked for, or was offered and accepted, a person. */
  flaggedForStaff: boolean;
  /** ISO instant of the guest's previous message, to welcome a returning guest back. */
  lastSeenAt: string | null;
  guestId: string | null;
  /** The arrival under discussion, so "the 14th" said mid-flow stays in its month. */
  stayAnchor: string | null;
}

export class ProfileAccessor {
  private readonly accessor: StatePropertyAccessor<ConversationProfile>;

  constructor(conversationState: ConversationState, private readonly defaults: () => Pick<ConversationProfile, 'propertyId' | 'locale'>) {
    this.accessor = conversationState.createProperty<ConversationProfile>('profile');
  }

  async get(context: TurnContext): Promise<ConversationProfile> {
    return this.accessor.get(context, {
      ...this.defaults(),
      misunderstandings: 0,
      flaggedForStaff: false,
      lastSeenAt: null,
      guestId: null,
      stayAnchor: null,
    });
  }

  async set(context: TurnContext, profile: ConversationProfile): Promise<void> {
    await this.accessor.set(context, profile);
  }
}
