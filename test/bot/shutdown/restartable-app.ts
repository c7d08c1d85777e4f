import { randomBytes } from 'node:crypto';
import { createApp, type App } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { loadCalendarConfig } from '../../../bot/jobs/feed-config';
import type { ShutdownReport } from '../../../bot/shutdown';
import { loadWebchatConfig } from '../../../bot/webchat-config';
import { testRedisUrl, uniqueKeyPrefix } from '../../support/redis-store';
import { memoryLogger, NO_CREDENTIALS } from '../messages-support';

export interface RestartableApp {
  /** The instance serving now. */
  readonly app: App;
  readonly base: string;
  /**
   * Shuts the instance down and serves the same port, store and Direct Line secret from a new
   * one, as a rolling deploy does. The new one is built first, so the port is free only briefly.
   */
  restart(): Promise<ShutdownReport>;
  close(): Promise<void>;
}

/** The whole app on 127.0.0.1 on the private Redis (calendar sync off, real clock), which survives its restarts. */
export async function startRestartableApp(options: { tokenTtlSeconds?: number } = {}): Promise<RestartableApp> {
  const keyPrefix = uniqueKeyPrefix('restart');
  const webchatConfig = { ...loadWebchatConfig({}), secret: randomBytes(32).toString('hex'), ...(options.tokenTtlSeconds ? { tokenTtlSeconds: options.tokenTtlSeconds } : {}) };
  const build = (port: number): Promise<App> =>
    createApp({ ...loadConfig({}), port, host: '127.0.0.1', redis: { kind: 'single', url: testRedisUrl() }, redisKeyPrefix: keyPrefix }, memoryLogger().log, {
      calendar: loadCalendarConfig({ ICAL_SYNC: 'off' }),
      botConfig: NO_CREDENTIALS,
      webchatConfig,
    });
  let app = await build(0);
  const port = await app.listen();
  return {
    get app() {
      return app;
    },
    base: `http://127.0.0.1:${port}`,
    async restart() {
      const next = await build(port);
      const report = await app.shutdown();
      await next.listen();
      app = next;
      return report;
    },
    close: () => app.close(),
  };
}
