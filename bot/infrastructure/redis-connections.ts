import { createRequire } from 'node:module';
import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { RedisClient } from '../../adapters/store/redis/context';
import type { RedisTarget } from '../config';

/**
 * How long a store command may wait for Redis. A guest's turn that cannot reach the store must
 * fail in seconds and say so, not wait in ioredis's offline queue for Redis to come back.
 */
export const STORE_COMMAND_TIMEOUT_MS = 2_500;

/**
 * The store's connection: fails fast while Redis is away, reconnects by itself. Nothing waits
 * offline or is sent again after a reconnection: a write its caller was told had failed (a
 * guest's message echoed into the transcript) must not land later as well.
 */
export function storeConnection(target: RedisTarget): RedisClient {
  const options: RedisOptions = {
    maxRetriesPerRequest: 1,
    commandTimeout: STORE_COMMAND_TIMEOUT_MS,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    connectionName: 'majordome',
  };
  if (target.kind === 'single') return new Redis(target.url, options);
  return new Cluster(target.nodes, { redisOptions: options, enableOfflineQueue: false });
}

/** Resolves once the connection can take commands (it queues none before that). */
export function whenReady(client: RedisClient): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => client.once('ready', () => resolve()));
}

/**
 * BullMQ pins its own ioredis: a connection it can share must be made by that copy, or BullMQ
 * takes it for options and opens its own per queue and worker. Same API as ours.
 */
const bullmqRedis = createRequire(require.resolve('bullmq'))('ioredis') as { Redis: typeof Redis; Cluster: typeof Cluster };

/**
 * BullMQ's shared connection, for every queue and worker of the app: its commands must wait for
 * Redis rather than fail after a few retries (BullMQ requires maxRetriesPerRequest null); each
 * worker opens its own blocking connection from it.
 */
export function queueConnection(target: RedisTarget): { client: RedisClient; connection: ConnectionOptions } {
  const client = connect(target, { maxRetriesPerRequest: null, connectionName: 'majordome-queues' }, bullmqRedis);
  // The same object, typed as BullMQ's copy of ioredis.
  return { client, connection: client as unknown as ConnectionOptions };
}

function connect(target: RedisTarget, options: RedisOptions, lib: { Redis: typeof Redis; Cluster: typeof Cluster } = { Redis, Cluster }): RedisClient {
  if (target.kind === 'single') return new lib.Redis(target.url, options);
  return new lib.Cluster(target.nodes, { redisOptions: options });
}

/** The connection's state for liveness, without a round trip. */
export function connectionState(client: RedisClient): 'ready' | 'connecting' | 'unreachable' {
  if (client.status === 'ready') return 'ready';
  if (client.status === 'wait' || client.status === 'connecting' || client.status === 'connect') return 'connecting';
  return 'unreachable';
}

/** Quits politely, or drops the socket if Redis is not there to answer. */
export async function quit(client: RedisClient): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
