import { createApp, type App } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { loadCalendarConfig } from '../../../bot/jobs/feed-config';
import { loadWebchatConfig } from '../../../bot/webchat-config';
import { memoryLogger, NO_CREDENTIALS } from '../../bot/messages-support';

/**
 * The whole app on 127.0.0.1 with the real clock (token lifetimes are then real time) and
 * web chat tokens that live `tokenTtlSeconds`; calendar sync off.
 */
export async function startWebchatApp(tokenTtlSeconds: number): Promise<{ app: App; base: string; close(): Promise<void> }> {
  const { log } = memoryLogger();
  const app = await createApp({ ...loadConfig({}), port: 0, host: '127.0.0.1' }, log, {
    calendar: loadCalendarConfig({ ICAL_SYNC: 'off' }),
    botConfig: NO_CREDENTIALS,
    webchatConfig: { ...loadWebchatConfig({}), tokenTtlSeconds },
  });
  const base = `http://127.0.0.1:${await app.listen()}`;
  return { app, base, close: () => app.close() };
}
