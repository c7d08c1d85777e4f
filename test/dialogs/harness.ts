import path from 'node:path';
import { type Activity, ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { loadPropertiesFrom } from '../../adapters/catalog/load-properties';
import { DemoPayments } from '../../adapters/payments/demo/demo-payments';
import { createMemoryStore } from '../../adapters/store/memory';
import { cryptoIds } from '../../adapters/system/ids';
import { createLogger } from '../../bot/logger';
import { Catalog } from '../../domain/catalog/catalog';
import type { StaffAlert, StaffNotifier, Store } from '../../domain/ports';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { MainDialog } from '../../dialogs/main/main-dialog';
import { ProfileAccessor } from '../../dialogs/profile';
import type { ConversationServices } from '../../dialogs/services';
import { understand } from '../../dialogs/understanding/understand';
import { FakeClock } from '../fakes/clock';

export const CHATEAU = 'chateau-de-vauclair';
export const GITE = 'gite-des-tilleuls';

export class RecordingNotifier implements StaffNotifier {
  readonly alerts: StaffAlert[] = [];
  async notify(alert: StaffAlert): Promise<void> {
    this.alerts.push(alert);
  }
}

export interface World {
  deps: UseCaseDeps & { clock: FakeClock; store: Store };
  notifier: RecordingNotifier;
  services: ConversationServices;
}

/** The demo properties on a real memory store and the real use cases; only the clock is fixed. */
export async function world(now = '2026-11-21T10:00:00Z'): Promise<World> {
  const catalog = new Catalog(await loadPropertiesFrom(path.resolve(__dirname, '..', '..', 'bot', 'properties')));
  const deps = { catalog, store: createMemoryStore(), clock: new FakeClock(Date.parse(now)), ids: cryptoIds };
  const notifier = new RecordingNotifier();
  const services: ConversationServices = {
    deps,
    notifier,
    payments: new DemoPayments('http://localhost:3978'),
    understand,
    log: createLogger('silent'),
  };
  return { deps, notifier, services };
}

export interface Reply {
  text: string;
  buttons: { title: string; value: string }[];
  cards: { title: string; subtitle: string; text: string; buttons: { title: string; value: string }[] }[];
}

/** A guest in one conversation: says something, gets every reply of that turn back. */
export class Guest {
  private readonly client: DialogTestClient;

  constructor(w: World, opts: { propertyId?: string; locale?: string; userId?: string; channelId?: string } = {}) {
    const state = new ConversationState(new MemoryStorage());
    const profiles = new ProfileAccessor(state, () => ({ propertyId: opts.propertyId ?? CHATEAU, locale: 'en' }));
    this.client = new DialogTestClient(opts.channelId ?? 'test', new MainDialog(w.services, profiles), undefined, [], state);
    this.userId = opts.userId ?? `user-${Math.random().toString(36).slice(2)}`;
    this.locale = opts.locale;
  }

  private readonly userId: string;
  private readonly locale: string | undefined;

  async says(text: string): Promise<Reply[]> {
    const activity: Partial<Activity> = { type: 'message', text, from: { id: this.userId, name: 'guest' }, ...(this.locale ? { locale: this.locale } : {}) };
    const first = (await this.client.sendActivity(activity)) as Partial<Activity> | undefined;
    const replies: Reply[] = [];
    let next = first;
    while (next) {
      replies.push(toReply(next));
      next = this.client.getNextReply();
    }
    return replies;
  }

  /** Taps, on the card titled `card`, the button whose title starts with `plan`. */
  async tapsOnCard(replies: Reply[], card: string, plan: string): Promise<Reply[]> {
    const hit = replies.flatMap((r) => r.cards).find((c) => c.title === card)?.buttons.find((b) => b.title.startsWith(plan));
    if (!hit) throw new Error(`no "${plan}" on card "${card}"`);
    return this.says(hit.value);
  }

  /** Taps the button whose title contains `title` among the last replies. */
  async taps(replies: Reply[], title: string): Promise<Reply[]> {
    const all = replies.flatMap((r) => [...r.buttons, ...r.cards.flatMap((c) => c.buttons)]);
    const hit = all.find((b) => b.title.includes(title));
    if (!hit) throw new Error(`no button "${title}" in: ${all.map((b) => b.title).join(' | ')}`);
    return this.says(hit.value);
  }
}

function toReply(activity: Partial<Activity>): Reply {
  const buttons = (activity.suggestedActions?.actions ?? []).map((a) => ({ title: String(a.title), value: String(a.value) }));
  const cards = (activity.attachments ?? []).map((att) => {
    const c = att.content as { title?: string; subtitle?: string; text?: string; buttons?: { title: string; value: unknown }[] };
    return { title: c.title ?? '', subtitle: c.subtitle ?? '', text: c.text ?? '', buttons: (c.buttons ?? []).map((b) => ({ title: b.title, value: String(b.value) })) };
  });
  return { text: activity.text ?? '', buttons, cards };
}

export function texts(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n');
}
