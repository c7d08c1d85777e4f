/**
 * Runs the turns of one conversation one after the other, and turns of different
 * conversations side by side. A guest who sends "2 adults" and "from the 12th" a second apart
 * gets the second message handled with the state the first one left, instead of two turns
 * racing on the same dialog state (one of which would lose its changes, or its eTag).
 * Across instances the eTag check is what catches the race; this keeps it from happening here.
 */
export class TurnQueue {
  private readonly chains = new Map<string, { tail: Promise<void>; pending: number }>();

  constructor(private readonly maxWaitingPerConversation = 16) {}

  /** Null when the conversation already has too many turns waiting: a flood, not a guest typing. */
  run<T>(key: string, turn: () => Promise<T>): Promise<T> | null {
    const chain = this.chains.get(key) ?? { tail: Promise.resolve(), pending: 0 };
    if (chain.pending > this.maxWaitingPerConversation) return null;
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

  private settle(key: string, chain: { pending: number }): void {
    chain.pending -= 1;
    if (chain.pending === 0 && this.chains.get(key) === chain) this.chains.delete(key);
  }
}
