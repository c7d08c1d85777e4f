import type { Server } from 'restify';
import { createStaffNotifier } from '../../adapters/notify';
import type { StaffNotifier } from '../../domain/ports';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { Config } from '../config';
import { registerIcalRoute, type IcalExportCache } from '../http/ical-route';
import type { Logger } from '../logger';
import { loadCalendarConfig, type CalendarSyncConfig } from './feed-config';
import { startFeedSync, type FeedSync, type FeedSyncOptions } from './feed-sync';

export interface CalendarWiring {
  sync: FeedSync;
  exportCache: IcalExportCache;
  notifier: StaffNotifier;
  config: CalendarSyncConfig;
}

export interface CalendarOverrides {
  calendar?: CalendarSyncConfig;
  notifier?: StaffNotifier;
  feedSync?: Pick<FeedSyncOptions, 'fetcher' | 'parser' | 'settings' | 'firstDelayMs'>;
}

/** Everything calendar sync adds to the app: the export route, the staff notifier, the import schedule. */
export async function startCalendar(deps: UseCaseDeps, server: Server, config: Config, log: Logger, over: CalendarOverrides): Promise<CalendarWiring> {
  const calendar = over.calendar ?? loadCalendarConfig(process.env);
  const notifier = over.notifier ?? createStaffNotifier(log, calendar.staffWebhook);
  const exportCache = registerIcalRoute(server, deps, log, { exportSecret: calendar.exportSecret });
  const redis = config.redisUrl ? { url: config.redisUrl, keyPrefix: config.redisKeyPrefix } : null;
  const sync = await startFeedSync(deps, { config: calendar, redis, notifier, log, ...over.feedSync });
  return { sync, exportCache, notifier, config: calendar };
}
