import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { ActivityLog } from './activity-log';
import { fromBot } from './channel-activity';

/** Never shown to a guest: `delay` and `invokeResponse` are instructions to the adapter, `trace` is for the Emulator. */
const NOT_FOR_GUESTS = new Set(['delay', 'invokeResponse', 'trace']);

/**
 * The bot's side of our Direct Line: turns run in this process, and whatever the bot sends is
 * appended to the conversation's log, which clients read by polling or on their stream. No
 * HTTP round trip and no connector endpoint to protect: a reply never leaves the process.
 */
export class DirectLineBotAdapter extends BotAdapter {
  constructor(
    private readonly log: ActivityLog,
    private readonly bot: { id: string; name: string },
    private readonly serviceUrl: string,
    private readonly newId: () => string,
  ) {
    super();
  }

  /** Runs one turn through the middleware, the bot's logic and, on failure, `onTurnError`. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation.id;
    const user = context.activity.from.role === 'bot' ? context.activity.recipient : context.activity.from;
    const now = new Date();
    const responses: ResourceResponse[] = [];
    const kept: Partial<Activity>[] = [];
    for (const activity of activities) {
      if (NOT_FOR_GUESTS.has(activity.type ?? '')) {
        responses.push({ id: '' });
        continue;
      }
      const id = `${conversationId}|${this.newId()}`;
      kept.push(fromBot(activity, { conversationId, user: { id: user.id, name: user.name }, bot: this.bot }, id, now, this.serviceUrl));
      responses.push({ id });
    }
    if (kept.length) await this.log.append(conversationId, kept);
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('web chat does not edit messages already sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('web chat does not delete messages already sent');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
