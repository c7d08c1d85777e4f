import type { Server } from 'restify';
import { createStaffNotifier } from '../../adapters/notify';
import type { StaffNotifier } from '../../domain/ports';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { Config } from '../config';
import type { Infrastructure } from '../infrastructure/infrastructure';
import { registerIcalRoute, type IcalExportCache } from '../http/ical-route';
import type { Logger } from '../logger';
import type { CalendarSyncConfig } from './feed-config';
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
export async function startCalendar(deps: UseCaseDeps, infrastructure: Infrastructure, server: Server, config: Config, log: Logger, over: CalendarOverrides): Promise<CalendarWiring> {
  const calendar = over.calendar ?? config.calendar;
  const notifier = over.notifier ?? createStaffNotifier(log, calendar.staffWebhook);
  const exportCache = registerIcalRoute(server, deps, log, { exportSecret: calendar.exportSecret });
  const sync = await startFeedSync(deps, { config: calendar, infrastructure, notifier, log, ...over.feedSync });
  return { sync, exportCache, notifier, config: calendar };
}
