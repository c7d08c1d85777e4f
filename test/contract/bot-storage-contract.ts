import { randomUUID } from 'node:crypto';
import { ConversationState, TurnContext, TestAdapter, type Storage, type StoreItems } from 'botbuilder';

export interface BotStorageUnderTest {
  storage: Storage;
  /** Releases what the factory opened (a connection), if anything. */
  close(): Promise<void>;
}

export type MakeBotStorage = (options: { ttlMs?: number }) => Promise<BotStorageUnderTest>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keys are unique per test so implementations sharing a server never see each other's items. */
const freshKey = (label = 'k') => `emulator/conversations/${label}-${randomUUID()}`;

async function readOne(storage: Storage, key: string): Promise<Record<string, unknown> | undefined> {
  const items: StoreItems = await storage.read([key]);
  return items[key] as Record<string, unknown> | undefined;
}

/**
 * The behaviour every botbuilder `Storage` of ours must have: the SDK's contract (read what
 * exists, `*` or no eTag writes unconditionally, a stale eTag is rejected) plus ours (an eTag
 * for a vanished item is stale, the written item gets its new eTag, items expire).
 */
export function runBotStorageContract(label: string, make: MakeBotStorage): void {
  describe(`bot Storage contract: ${label}`, () => {
    let under: BotStorageUnderTest;
    let storage: Storage;
    beforeEach(async () => {
      under = await make({});
      storage = under.storage;
    });
    afterEach(async () => {
      await under.close();
    });

    it('reads nothing for keys never written', async () => {
      expect(await storage.read([freshKey(), freshKey()])).toEqual({});
      expect(await storage.read([])).toEqual({});
    });

    it('reads back what was written, with an eTag, as a copy the caller may change', async () => {
      const key = freshKey();
      const item = { dialogStack: [{ id: 'search', state: { checkIn: '2027-12-12', adults: 2 } }], locale: 'fr', n: 1.5, flag: null };
      await storage.write({ [key]: { ...item } });
      const read = await readOne(storage, key);
      expect(read).toEqual({ ...item, eTag: expect.any(String) });
      (read?.dialogStack as unknown[]).push('changed');
      expect(await readOne(storage, key)).toEqual({ ...item, eTag: read?.eTag });
    });

    it('puts the new eTag on the written item, so a second save in the same turn succeeds', async () => {
      const key = freshKey();
      const item: Record<string, unknown> = { step: 1 };
      await storage.write({ [key]: item });
      const first = item.eTag;
      expect(typeof first).toBe('string');
      expect((await readOne(storage, key))?.eTag).toBe(first);
      item.step = 2;
      await storage.write({ [key]: item });
      expect(item.eTag).not.toBe(first);
      expect(await readOne(storage, key)).toEqual({ step: 2, eTag: item.eTag });
    });

    it('writes unconditionally with `*` or without an eTag', async () => {
      const key = freshKey();
      await storage.write({ [key]: { v: 1 } });
      await storage.write({ [key]: { v: 2, eTag: '*' } });
      expect((await readOne(storage, key))?.v).toBe(2);
      await storage.write({ [key]: { v: 3 } });
      expect((await readOne(storage, key))?.v).toBe(3);
    });

    it('accepts the current eTag and rejects a stale one, leaving the item as it was', async () => {
      const key = freshKey();
      await storage.write({ [key]: { v: 1 } });
      const turnA = await readOne(storage, key);
      const turnB = await readOne(storage, key);
      await storage.write({ [key]: { ...turnA, v: 2 } });
      await expect(storage.write({ [key]: { ...turnB, v: 3 } })).rejects.toMatchObject({ code: 'etag_conflict', message: expect.stringContaining('eTag conflict') });
      expect((await readOne(storage, key))?.v).toBe(2);
    });

    it('treats an eTag for an item deleted meanwhile as stale', async () => {
      const key = freshKey();
      await storage.write({ [key]: { v: 1 } });
      const read = await readOne(storage, key);
      await storage.delete([key]);
      await expect(storage.write({ [key]: { ...read, v: 2 } })).rejects.toMatchObject({ code: 'etag_conflict' });
      expect(await readOne(storage, key)).toBeUndefined();
    });

    it('lets exactly one of many writers holding the same eTag win', async () => {
      const key = freshKey();
      await storage.write({ [key]: { v: 0 } });
      const read = await readOne(storage, key);
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => storage.write({ [key]: { ...read, v: i + 1 } })));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
      expect(won).toHaveLength(1);
      expect((await readOne(storage, key))?.v).toBe(won[0]);
    });

    it('reads, writes and deletes several keys at once', async () => {
      const [a, b, c] = [freshKey('a'), freshKey('b'), freshKey('c')];
      await storage.write({ [a]: { v: 'a' }, [b]: { v: 'b' } });
      const read = await storage.read([a, b, c]);
      expect(Object.keys(read).sort()).toEqual([a, b].sort());
      await storage.delete([a, c]);
      expect(Object.keys(await storage.read([a, b, c]))).toEqual([b]);
    });

    it('keeps keys apart whatever characters they hold', async () => {
      const id = randomUUID();
      const keys = [`msteams/conversations/a:b{c}d ${id}`, `msteams/conversations/a%3Ab{c}d ${id}`, `msteams/conversations/a:b{c}d%20${id}`, `webchat/users/José 😀 ${id}`];
      await storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const read = await storage.read(keys);
      expect(keys.map((k) => read[k]?.i)).toEqual([0, 1, 2, 3]);
    });

    it('refuses an item that is not an object', async () => {
      await expect(storage.write({ [freshKey()]: 'text' })).rejects.toThrow(TypeError);
    });

    it('forgets an item its TTL after the last write', async () => {
      const short = await make({ ttlMs: 300 });
      try {
        const key = freshKey();
        await short.storage.write({ [key]: { v: 1 } });
        await sleep(150);
        await short.storage.write({ [key]: { v: 2 } });
        await sleep(200);
        expect((await readOne(short.storage, key))?.v).toBe(2);
        await sleep(250);
        expect(await readOne(short.storage, key)).toBeUndefined();
      } finally {
        await short.close();
      }
    });

    it('serves botbuilder ConversationState turn after turn', async () => {
      const state = new ConversationState(storage);
      const counter = state.createProperty<number>('turns');
      const conversationId = `conv-${randomUUID()}`;
      const adapter = new TestAdapter(async (context: TurnContext) => {
        const n = (await counter.get(context, 0)) + 1;
        await counter.set(context, n);
        await context.sendActivity(`turn ${n}`);
        await state.saveChanges(context);
      });
      adapter.conversation.conversation = { id: conversationId, isGroup: false, conversationType: 'personal', name: '' };
      await adapter.send('a').assertReply('turn 1').send('b').assertReply('turn 2').send('c').assertReply('turn 3');
    });
  });
}
