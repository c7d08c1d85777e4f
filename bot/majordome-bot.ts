import { ActivityHandler, type ConversationState, type UserState } from 'botbuilder';
import type { StaffNotifier } from '../domain/ports';
import type { UseCaseDeps } from '../domain/usecases/deps';
import type { Logger } from './logger';

export interface BotOptions {
  deps: UseCaseDeps;
  notifier: StaffNotifier;
  log: Logger;
  conversationState: ConversationState;
  userState: UserState;
  /** The property a conversation serves unless its channel names one (`channelData.propertyId`). */
  defaultPropertyId: string;
}

/** The guest-facing bot: every turn goes through the conversation in dialogs/. */
export class MajordomeBot extends ActivityHandler {
  constructor(private readonly options: BotOptions) {
    super();
    // Placeholder until the dialogs land: answers every message so the wiring can be tested.
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
    await this.options.userState.saveChanges(context, false);
  }
}
