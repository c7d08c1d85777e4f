import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { exportTokenFor, sameToken } from '../../adapters/calendar/export-token';
import { renderUnitCalendar } from '../../adapters/calendar/ical/render-unit-calendar';
import { localize } from '../../domain/catalog/locales';
import { exportUnitCalendar, unitCalendarVersion } from '../../domain/usecases/export-unit-calendar';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { Logger } from '../logger';
import { sendProblem } from './problem';

export const ICAL_ROUTE = '/ical/:propertyId/:unitId/:token.ics';

interface Built {
  version: string;
  body: string;
  etag: string;
  lastModified: string | null;
}

/** Built calendars by unit, with how many times one was built: a body is rebuilt only when bookings changed. */
export class IcalExportCache {
  private readonly entries = new Map<string, Built>();
  builds = 0;
  get(key: string): Built | undefined {
    return this.entries.get(key);
  }
  set(key: string, built: Built): void {
    this.builds++;
    this.entries.set(key, built);
  }
}

/**
 * `GET /ical/:propertyId/:unitId/:token.ics`: our stays and held requests on one unit, for
 * Airbnb, Booking.com or a channel manager to import. An unknown unit and a wrong token get the
 * same 404, so the URL space reveals nothing. Conditional GETs get a 304.
 */
export function registerIcalRoute(server: Server, deps: UseCaseDeps, log: Logger, options: { exportSecret: string | null }): IcalExportCache {
  const cache = new IcalExportCache();
  const handler = async (req: Request, res: Response): Promise<void> => {
    const propertyId = String(req.params.propertyId ?? '');
    const unitId = String(req.params.unitId ?? '');
    const token = String(req.params.token ?? '');
    const property = deps.catalog.get(propertyId);
    const unit = property?.units.find((u) => u.id === unitId);
    const expected = property && unit ? exportTokenFor(property.id, unit.id, unit.exportToken, options.exportSecret) : null;
    if (!property || !unit || !expected || !sameToken(expected, token)) {
      // The token itself is never logged: it is the secret of someone's URL.
      log.info({ propertyId, unitId }, 'calendar export refused');
      return sendProblem(res, 404, 'not_found', ['no such calendar']);
    }

    const { version, today, changedAt } = await unitCalendarVersion(deps, property);
    const key = `${property.id}\u0000${unit.id}`;
    let built = cache.get(key);
    if (!built || built.version !== version) {
      const calendar = await exportUnitCalendar(deps, { propertyId: property.id, unitId: unit.id, today });
      if (!calendar.ok) return sendProblem(res, 404, 'not_found', ['no such calendar']);
      const name = localize(property.name, property.defaultLocale);
      const body = renderUnitCalendar({ calendarName: `Majordome – ${name} – ${unit.name}`, summary: `Majordome – ${name}`, entries: calendar.value.entries });
      built = { version, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, lastModified: changedAt ? new Date(changedAt).toUTCString() : null };
      cache.set(key, built);
    }

    const headers: Record<string, string> = {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${unit.id}.ics"`,
      etag: built.etag,
      // The URL holds a secret: no shared cache may keep it, and every reader revalidates.
      'cache-control': 'private, no-cache',
      'x-robots-tag': 'noindex, nofollow',
      ...(built.lastModified ? { 'last-modified': built.lastModified } : {}),
    };
    const ifNoneMatch = req.header('if-none-match');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === built.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(built.body)) });
    res.end(req.method === 'HEAD' ? undefined : built.body);
  };
  server.get(ICAL_ROUTE, handler);
  server.head(ICAL_ROUTE, handler);
  return cache;
}
