/**
 * Runs the turns of one conversation one after the other, and turns of different
 * conversations side by side. A guest who sends "2 adults" and "from the 12th" a second apart
 * gets the second message handled with the state the first one left, instead of two turns
 * racing on the same dialog state (one of which would lose its changes, or its eTag).
 * Across instances the eTag check is what catches the race; this keeps it from happening here.
 */
export class TurnQueue {
  private readonly chains = new Map<string, { tail: Promise<void>; pending: number }>();
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly maxWaitingPerConversation = 16) {}

  /** Null when the conversation already has too many turns waiting: a flood, not a guest typing. */
  run<T>(key: string, turn: () => Promise<T>): Promise<T> | null {
    const chain = this.admit(key);
    return chain ? this.enqueue(key, chain, turn) : null;
  }

  /**
   * Like `run`, but `first` starts as soon as the turn is accepted, without waiting for the
   * earlier turns, and the turn waits for it. Web chat echoes the guest's message this way:
   * the echo is written only once the turn is sure to run (a refused message leaves no
   * trace the bot never saw), and still precedes the turn's replies. Null, and `first`
   * never called, when the conversation has too many turns waiting.
   */
  runAfter<F, T>(key: string, first: () => Promise<F>, turn: (value: F) => Promise<T>): { first: Promise<F>; turn: Promise<T> } | null {
    const chain = this.admit(key);
    if (!chain) return null;
    const started = first();
    return { first: started, turn: this.enqueue(key, chain, () => started.then(turn)) };
  }

  private admit(key: string): { tail: Promise<void>; pending: number } | null {
    const chain = this.chains.get(key) ?? { tail: Promise.resolve(), pending: 0 };
    return chain.pending > this.maxWaitingPerConversation ? null : chain;
  }

  private enqueue<T>(key: string, chain: { tail: Promise<void>; pending: number }, turn: () => Promise<T>): Promise<T> {
    const result = chain.pending === 0 ? turn() : chain.tail.then(turn);
    chain.pending += 1;
    chain.tail = result.then(
      () => this.settle(key, chain),
      () => this.settle(key, chain),
    );
    this.chains.set(key, chain);
    return result;
  }

  /** Conversations with a turn running or waiting; for tests. */
  get size(): number {
    return this.chains.size;
  }

  /** Keys (channel/conversation) of the conversations with a turn running or waiting: ids only, for a shutdown's report. */
  get busy(): string[] {
    return [...this.chains.keys()];
  }

  /**
   * Resolves once no turn runs or waits, turns accepted meanwhile included: a shutdown waits
   * for this so a guest's message that was taken in gets its answer.
   */
  idle(): Promise<void> {
    if (this.chains.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(key: string, chain: { pending: number }): void {
    chain.pending -= 1;
    if (chain.pending === 0 && this.chains.get(key) === chain) this.chains.delete(key);
    if (this.chains.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
