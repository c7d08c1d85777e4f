import { DirectLine, type Activity } from 'botframework-directlinejs';
import WebSocket from 'ws';
import type { App } from '../../../../bot/app';
import { until } from './webchat-support';

/** directlinejs types leave replyToId out, though the protocol carries it. */
const replyToIdOf = (a: Activity): unknown => Reflect.get(a, 'replyToId');

/** What a browser gives directlinejs, from Node: xhr2 for its REST calls, ws for its stream. */
export function installBrowserGlobals(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XHR2: unknown = require('xhr2');
  Object.assign(globalThis, { XMLHttpRequest: XHR2, WebSocket });
}

export type Mode = 'polling' | 'websocket';

/**
 * A guest on the official Direct Line client: sends a message and waits until every reply the
 * bot made to it has arrived through the client (polling or stream), whichever way it came.
 */
export class DirectLineGuest {
  readonly received: Activity[] = [];
  private readonly wakers = new Set<() => void>();
  private readonly subscription: { unsubscribe(): void };
  private sent = 0;

  constructor(
    readonly client: DirectLine,
    private readonly app: App,
    readonly conversationId: string,
  ) {
    this.subscription = client.activity$.subscribe((activity) => {
      this.received.push(activity);
      for (const wake of this.wakers) wake();
    });
  }

  static start(app: App, base: string, mode: Mode, auth: { token: string; conversationId: string; watermark?: string; resume?: boolean }): DirectLineGuest {
    const client = new DirectLine({
      token: auth.token,
      domain: `${base}/v3/directline`,
      webSocket: mode === 'websocket',
      pollingInterval: 200,
      ...(auth.resume ? { conversationId: auth.conversationId } : {}),
      ...(auth.watermark ? { watermark: auth.watermark } : {}),
    });
    return new DirectLineGuest(client, app, auth.conversationId);
  }

  waitFor(check: (received: Activity[]) => boolean): Promise<void> {
    return until(
      () => check(this.received),
      (wake) => {
        this.wakers.add(wake);
        return () => this.wakers.delete(wake);
      },
    );
  }

  /** Sends `text`; resolves with the bot's replies to it, after its own echo. */
  async says(text: string): Promise<Activity[]> {
    this.sent += 1;
    const clientActivityID = `client-${this.sent}`;
    const id = await new Promise<string>((resolve, reject) => {
      this.client.postActivity({ type: 'message', text, from: { id: 'guest' }, locale: 'fr-FR', channelData: { clientActivityID } } as Activity).subscribe(resolve, reject);
    });
    if (id === 'retry') throw new Error('the client had to retry');
    // The POST returns after the turn, so the log already holds every reply.
    const logged = await this.app.webchat.service.read(this.conversationId, null);
    const expected = logged.activities.filter((a) => a.replyToId === id).length;
    if (expected === 0) throw new Error(`no reply to "${text}"`);
    await this.waitFor((r) => r.filter((a) => replyToIdOf(a) === id).length >= expected);
    const echoAt = this.received.findIndex((a) => (a.channelData as { clientActivityID?: string } | undefined)?.clientActivityID === clientActivityID);
    const firstReplyAt = this.received.findIndex((a) => replyToIdOf(a) === id);
    if (echoAt < 0 || echoAt > firstReplyAt) throw new Error(`echo of "${text}" at ${echoAt}, first reply at ${firstReplyAt}`);
    return this.received.filter((a) => replyToIdOf(a) === id);
  }

  end(): void {
    this.subscription.unsubscribe();
    this.client.end();
  }
}

export const textOf = (activities: Activity[]): string => activities.map((a) => ('text' in a && typeof a.text === 'string' ? a.text : '')).join('\n');
