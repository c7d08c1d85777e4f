import { DEFAULT_BOT_STATE_TTL_MS } from '../../../../adapters/store/bot-storage-conflict';
import { MemoryBotStorage } from '../../../../adapters/store/memory/bot-storage';
import { runBotStorageContract } from '../../../contract/bot-storage-contract';

runBotStorageContract('memory', async ({ ttlMs }) => ({ storage: new MemoryBotStorage(ttlMs === undefined ? {} : { ttlMs }), close: async () => {} }));

describe('MemoryBotStorage', () => {
  it('checks every item of a write before saving any', async () => {
    const storage = new MemoryBotStorage();
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    const b = (await storage.read(['b'])).b as Record<string, unknown>;
    await storage.write({ b: { v: 2 } });
    await expect(storage.write({ a: { v: 'new' }, b: { ...b, v: 'stale' } })).rejects.toMatchObject({ code: 'etag_conflict' });
    expect((await storage.read(['a'])).a.v).toBe(1);
  });

  it('expires items thirty days after their last write by default, and sweeps them from memory', async () => {
    let now = Date.parse('2027-01-01T00:00:00Z');
    const storage = new MemoryBotStorage({ now: () => now });
    await storage.write({ old: { v: 1 } });
    now += DEFAULT_BOT_STATE_TTL_MS - 1;
    expect(Object.keys(await storage.read(['old']))).toEqual(['old']);
    now += 1;
    expect(await storage.read(['old'])).toEqual({});
    for (let i = 0; i < 1000; i++) await storage.write({ [`k${i}`]: { i } });
    now += DEFAULT_BOT_STATE_TTL_MS;
    for (let i = 0; i < 1000; i++) await storage.write({ [`fresh${i}`]: { i } });
    expect(storage.size).toBeLessThanOrEqual(1000);
  });
});
