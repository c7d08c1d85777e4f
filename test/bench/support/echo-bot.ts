import { ActivityHandler } from 'botbuilder';

/**
 * The cheapest bot that answers: one reply, no state, no dialogs. The benchmark serves it on
 * the same server and wiring as the real bot, as the ceiling a turn can reach.
 */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}
