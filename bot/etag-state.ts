import { ConversationState, UserState, type Storage, type StoreItems, type TurnContext } from 'botbuilder';

/**
 * botbuilder's BotState sets `eTag: '*'` on every save, so a turn would overwrite whatever
 * another turn (on another instance, or the same guest in two tabs) saved meanwhile, and the
 * eTag checks of our storages would never fire. These states remember the eTag each state
 * object was read with and write with it, so a stale save is rejected instead (onTurnError
 * then asks the guest to resend). A state never read, or reset with clear(), still writes
 * unconditionally, as before.
 */
class ETagMemory {
  /** Keyed by the state object itself: BotState hands that same object to storage.write. */
  private readonly readWith = new WeakMap<object, string | undefined>();

  remember(state: unknown): void {
    if (typeof state === 'object' && state !== null && !this.readWith.has(state)) {
      const eTag: unknown = Reflect.get(state, 'eTag');
      this.readWith.set(state, typeof eTag === 'string' && eTag !== '*' ? eTag : undefined);
    }
  }

  wrap(inner: Storage): Storage {
    return {
      read: (keys) => inner.read(keys),
      delete: (keys) => inner.delete(keys),
      write: async (changes: StoreItems) => {
        const items = Object.values(changes).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
        for (const item of items) {
          if (item.eTag !== '*' || !this.readWith.has(item)) continue;
          const eTag = this.readWith.get(item);
          if (eTag === undefined) delete item.eTag;
          else item.eTag = eTag;
        }
        await inner.write(changes);
        // Our storages put the new eTag on the item: the next save of this turn starts from it.
        for (const item of items) if (this.readWith.has(item) && typeof item.eTag === 'string') this.readWith.set(item, item.eTag);
      },
    };
  }
}

export class ETagConversationState extends ConversationState {
  private readonly memory: ETagMemory;
  constructor(storage: Storage, namespace?: string) {
    const memory = new ETagMemory();
    super(memory.wrap(storage), namespace);
    this.memory = memory;
  }

  // `any` is BotState.load's own signature; an override must keep it for existing callers.
  override async load(context: TurnContext, force = false): Promise<any> {
    const state: unknown = await super.load(context, force);
    this.memory.remember(state);
    return state;
  }
}

export class ETagUserState extends UserState {
  private readonly memory: ETagMemory;
  constructor(storage: Storage, namespace?: string) {
    const memory = new ETagMemory();
    super(memory.wrap(storage), namespace);
    this.memory = memory;
  }

  // `any` is BotState.load's own signature; an override must keep it for existing callers.
  override async load(context: TurnContext, force = false): Promise<any> {
    const state: unknown = await super.load(context, force);
    this.memory.remember(state);
    return state;
  }
}
