import { REDIS_PID_ENV, REDIS_URL_ENV } from './redis-global-setup';
import { stopRedisServerByPid } from './redis-server';

/** jest globalTeardown: stops the private redis-server by its pid. */
export default async function redisGlobalTeardown(): Promise<void> {
  const server = globalThis.__majordomeTestRedis;
  if (server) await server.stop();
  else {
    const pid = Number(process.env[REDIS_PID_ENV]);
    if (Number.isInteger(pid) && pid > 0) await stopRedisServerByPid(pid);
  }
  globalThis.__majordomeTestRedis = undefined;
  delete process.env[REDIS_URL_ENV];
  delete process.env[REDIS_PID_ENV];
}
