import { ActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { PaymentGateway, StaffNotifier } from '../domain/ports';
import type { UseCaseDeps } from '../domain/usecases/deps';
import { MAIN_DIALOG, MainDialog } from '../dialogs/main/main-dialog';
import { t } from '../dialogs/messages/catalog';
import { ProfileAccessor } from '../dialogs/profile';
import { localeOf, propertyName, say } from '../dialogs/turn';
import type { Understanding, UnderstandOptions } from '../dialogs/understanding/types';
import type { Logger } from './logger';

export interface BotOptions {
  deps: UseCaseDeps;
  notifier: StaffNotifier;
  payments: PaymentGateway;
  understand: (text: string, options: UnderstandOptions) => Understanding;
  log: Logger;
  conversationState: ConversationState;
  userState: UserState;
  /** The property a conversation serves unless its channel names one (`channelData.propertyId`). */
  defaultPropertyId: string;
}

/** The guest-facing bot: greets new conversations and runs every message through the main dialog. */
export class MajordomeBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly profiles: ProfileAccessor;

  constructor(private readonly options: BotOptions) {
    super();
    const { conversationState, deps } = options;
    const dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(dialogState);
    this.profiles = new ProfileAccessor(conversationState, () => ({ propertyId: options.defaultPropertyId, locale: 'en' }));
    this.dialogs.add(
      new MainDialog({ deps, notifier: options.notifier, payments: options.payments, understand: options.understand, log: options.log }, this.profiles),
    );

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (joined) await this.greet(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
      await next();
    });
  }

  /** The first words of a conversation, in the page's or the channel's language. */
  private async greet(context: TurnContext): Promise<void> {
    const profile = await this.profiles.get(context);
    const channelProperty = (context.activity.channelData as { propertyId?: unknown } | undefined)?.propertyId;
    if (typeof channelProperty === 'string' && this.options.deps.catalog.get(channelProperty)) profile.propertyId = channelProperty;
    const property = this.options.deps.catalog.get(profile.propertyId) ?? this.options.deps.catalog.list()[0];
    if (!property) return;
    profile.propertyId = property.id;
    profile.locale = localeOf(context, property.defaultLocale);
    await this.profiles.set(context, profile);
    await say(context, t(profile.locale, 'greeting', { property: propertyName(property, profile.locale) }));
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
    await this.options.userState.saveChanges(context, false);
  }
}
