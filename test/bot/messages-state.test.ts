import { ActivityHandler, ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { MemoryBotStorage } from '../../adapters/store/memory/bot-storage';
import { RedisStore } from '../../adapters/store/redis';
import { ETagConversationState } from '../../bot/etag-state';
import type { BotOptions } from '../../bot/majordome-bot';
import { TurnQueue } from '../../bot/turn-queue';
import { guestMessage } from '../bench/support/guest-activity';
import { testRedisUrl, uniqueKeyPrefix } from '../support/redis-store';
import { startTestBot, type TestBot } from './messages-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TurnQueue', () => {
  it('runs one conversation in order and different conversations side by side', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const turn = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run('a', turn('a1', 30)), queue.run('a', turn('a2', 1)), queue.run('b', turn('b1', 5))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
    expect(queue.size).toBe(0);
  });

  it('goes on after a failed turn, and refuses a flood', async () => {
    const queue = new TurnQueue(2);
    const failed = queue.run('a', async () => {
      await sleep(10);
      throw new Error('boom');
    });
    const waiting = [queue.run('a', async () => 'next'), queue.run('a', async () => 'then')];
    expect(queue.run('a', async () => 'too many')).toBeNull();
    await expect(failed).rejects.toThrow('boom');
    expect(await Promise.all(waiting)).toEqual(['next', 'then']);
    expect(queue.size).toBe(0);
  });
});

describe('conversation state with eTags', () => {
  const activity = (id: string): Partial<Activity> => ({ type: 'message', id, channelId: 'test', conversation: { id: 'conv', isGroup: false, conversationType: '', name: '' }, from: { id: 'u', name: '' }, recipient: { id: 'b', name: '' } });
  const contextOf = (adapter: TestAdapter, id: string) => new TurnContext(adapter, activity(id));

  it('rejects the save of a turn that read the state before another turn saved it', async () => {
    const storage = new MemoryBotStorage();
    const adapter = new TestAdapter();
    const [one, two] = [new ETagConversationState(storage), new ETagConversationState(storage)];
    const seed = contextOf(adapter, 'seed');
    await one.createProperty<number>('n').set(seed, 1);
    await one.saveChanges(seed);

    const a = contextOf(adapter, 'a');
    const b = contextOf(adapter, 'b');
    await one.createProperty<number>('n').get(a);
    await two.createProperty<number>('n').get(b);
    await two.createProperty<number>('n').set(b, 2);
    await two.saveChanges(b);
    await one.createProperty<number>('n').set(a, 3);
    await expect(one.saveChanges(a)).rejects.toMatchObject({ code: 'etag_conflict' });
    expect((await storage.read(['test/conversations/conv/']))['test/conversations/conv/']).toMatchObject({ n: 2 });

    // botbuilder's own ConversationState would have overwritten the other turn's state.
    const plain = new ConversationState(storage);
    const c = contextOf(adapter, 'c');
    await plain.createProperty<number>('n').get(c);
    await two.createProperty<number>('n').set(contextOf(adapter, 'd'), 4);
    await plain.createProperty<number>('n').set(c, 5);
    await plain.saveChanges(c);
    expect((await storage.read(['test/conversations/conv/']))['test/conversations/conv/']).toMatchObject({ n: 5 });
  });

  it('saves twice in one turn without tripping over its own eTag', async () => {
    const storage = new MemoryBotStorage();
    const state = new ETagConversationState(storage);
    const context = contextOf(new TestAdapter(), 'a');
    const n = state.createProperty<number>('n');
    await n.set(context, 1);
    await state.saveChanges(context);
    await n.set(context, 2);
    await state.saveChanges(context);
    await state.saveChanges(context, true);
    expect((await storage.read(['test/conversations/conv/']))['test/conversations/conv/']).toMatchObject({ n: 2 });
  });
});

/** Counts turns in conversation state; "slow" waits for the test before saving. */
function countingBot(hooks: { loaded?: () => void; release?: Promise<void> }) {
  return (options: BotOptions) => {
    const handler = new ActivityHandler();
    const turns = options.conversationState.createProperty<number>('turns');
    let overlap = 0;
    handler.onMessage(async (context, next) => {
      const n = (await turns.get(context, 0)) + 1;
      if (context.activity.text === 'slow') {
        hooks.loaded?.();
        await hooks.release;
      }
      if (context.activity.text === 'overlap') {
        overlap += 1;
        if (overlap > 1) throw new Error('two turns of one conversation ran at once');
        await sleep(20);
        overlap -= 1;
      }
      await turns.set(context, n);
      await context.sendActivity(`turn ${n}`);
      await next();
    });
    return {
      run: async (context: TurnContext) => {
        await handler.run(context);
        await options.conversationState.saveChanges(context);
      },
    };
  };
}

describe('turns over HTTP', () => {
  let bot: TestBot;
  afterEach(async () => {
    await bot?.close();
  });

  it('handles messages of one conversation in arrival order', async () => {
    bot = await startTestBot({ createBot: countingBot({}) });
    const sent = Array.from({ length: 5 }, () => guestMessage({ serviceUrl: bot.capture.url, conversationId: 'c-order', text: 'overlap' }));
    const statuses = await Promise.all(sent.map((a) => bot.post(a).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(sent.flatMap((a) => bot.capture.repliesTo(a.id).map((r) => r.activity.text)).sort()).toEqual(['turn 1', 'turn 2', 'turn 3', 'turn 4', 'turn 5']);
  });
});

describe('two instances on one Redis', () => {
  const keyPrefix = uniqueKeyPrefix('bot-instances');
  const config = { redis: { kind: 'single' as const, url: testRedisUrl() }, redisKeyPrefix: keyPrefix };
  const redisOf = (bot: TestBot) => {
    const store = bot.app.deps.store;
    if (!(store instanceof RedisStore)) throw new Error('expected the Redis store');
    return store.redis;
  };
  let loaded: () => void = () => {};
  let release: () => void = () => {};
  const hooks = {
    loaded: () => loaded(),
    get release() {
      return new Promise<void>((r) => (release = r));
    },
  };
  let one: TestBot;
  let two: TestBot;
  beforeAll(async () => {
    one = await startTestBot({ createBot: countingBot(hooks), config });
    two = await startTestBot({ createBot: countingBot(hooks), config });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it('keeps conversation state in the store, under its prefix, with a TTL', async () => {
    const a = guestMessage({ serviceUrl: one.capture.url, conversationId: 'c-redis', text: 'hi' });
    expect((await one.post(a)).status).toBe(200);
    const keys = await redisOf(one).keys(`${keyPrefix}bot:*`);
    expect(keys).toEqual([`${keyPrefix}bot:emulator/conversations/c-redis/`]);
    expect(await redisOf(one).pttl(keys[0]!)).toBeGreaterThan(0);
    // The other instance continues the same conversation.
    const b = guestMessage({ serviceUrl: two.capture.url, conversationId: 'c-redis', text: 'hi' });
    await two.post(b);
    expect(two.capture.repliesTo(b.id).map((r) => r.activity.text)).toEqual(['turn 2']);
  });

  it('catches a race between instances: the late turn asks the guest to resend, the state of the other stays', async () => {
    const conversationId = 'c-race';
    const first = guestMessage({ serviceUrl: one.capture.url, conversationId, text: 'first', locale: 'fr-FR' });
    await one.post(first);
    const slow = guestMessage({ serviceUrl: one.capture.url, conversationId, text: 'slow', locale: 'fr-FR' });
    const isLoaded = new Promise<void>((r) => (loaded = r));
    const slowDone = one.post(slow);
    await isLoaded;
    const fast = guestMessage({ serviceUrl: two.capture.url, conversationId, text: 'fast', locale: 'fr-FR' });
    await two.post(fast);
    release();
    expect((await slowDone).status).toBe(200);
    expect(two.capture.repliesTo(fast.id).map((r) => r.activity.text)).toEqual(['turn 2']);
    expect(one.capture.repliesTo(slow.id).map((r) => r.activity.text)).toEqual(['turn 2', 'Désolé, deux de vos messages se sont croisés. Pouvez-vous renvoyer le dernier ?']);
    expect(one.logLines()).toContain('turn lost a state race');
    const next = guestMessage({ serviceUrl: one.capture.url, conversationId, text: 'next' });
    await one.post(next);
    expect(one.capture.repliesTo(next.id).map((r) => r.activity.text)).toEqual(['turn 3']);
  });
});
