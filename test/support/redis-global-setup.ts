import { startRedisServer, type RedisServerHandle } from './redis-server';

export const REDIS_URL_ENV = 'MAJORDOME_TEST_REDIS_URL';
export const REDIS_PID_ENV = 'MAJORDOME_TEST_REDIS_PID';

declare global {
  // The handle, for the teardown that runs in this same process.
  var __majordomeTestRedis: RedisServerHandle | undefined;
}

/** jest globalSetup: one private redis-server for the whole run; workers inherit its URL. */
export default async function redisGlobalSetup(): Promise<void> {
  const server = await startRedisServer();
  globalThis.__majordomeTestRedis = server;
  process.env[REDIS_URL_ENV] = server.url;
  process.env[REDIS_PID_ENV] = String(server.pid);
}
