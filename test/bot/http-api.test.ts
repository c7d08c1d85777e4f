import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { FakeClock } from '../fakes/clock';

describe('HTTP API on the demo properties', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1' };
    app = await createApp(config, createLogger('silent'), { clock: new FakeClock(Date.parse('2027-01-05T09:00:00Z')) });
    base = `http://127.0.0.1:${await app.listen()}`;
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async (url: string) => {
    const res = await fetch(base + url);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('reports health with the store kind and the catalogue size', async () => {
    const units = app.deps.catalog.list().reduce((n, p) => n + p.units.length, 0);
    expect(await get('/health')).toEqual({
      status: 200,
      body: { status: 'ok', store: 'memory', storeConnection: 'memory', eventLoopDelayMs: expect.objectContaining({ p99Ms: expect.any(Number), worstMs: expect.any(Number) }), properties: 2, units },
    });
    expect(units).toBe(7);
  });

  it('is ready at once on the memory store, which has nothing to reach', async () => {
    expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready', checks: [{ name: 'store', ok: true }] } });
  });

  it('offers priced rooms of the château for a stay', async () => {
    const propertyId = app.deps.catalog.list().find((p) => p.units.length === 6)?.id;
    const { status, body } = await get(`/api/properties/${propertyId}/offers?checkIn=2027-03-10&checkOut=2027-03-12&adults=2&locale=fr`);
    expect(status).toBe(200);
    const offers = body.offers as { unitTypeId: string; freeUnits: number; quotes: { total: number; nights: unknown[] }[] }[];
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) {
      expect(offer.freeUnits).toBeGreaterThan(0);
      for (const q of offer.quotes) {
        expect(Number.isInteger(q.total) && q.total > 0).toBe(true);
        expect(q.nights).toHaveLength(2);
      }
    }
  });

  it('answers a bad request with 400 and the reasons', async () => {
    const propertyId = app.deps.catalog.list()[0]?.id;
    expect(await get(`/api/properties/${propertyId}/offers?checkIn=2027-02-30&checkOut=2027-03-01&adults=0`)).toEqual({
      status: 400,
      body: { error: 'invalid_query', reasons: ['checkIn: expected a date YYYY-MM-DD', 'adults: expected at least 1'] },
    });
    expect(await get(`/api/properties/${propertyId}/offers?checkIn=2027-03-05&checkOut=2027-03-01&adults=2`)).toEqual({
      status: 400,
      body: { error: 'invalid_query', reasons: ['checkOut: expected a departure after the arrival'] },
    });
  });

  it('answers 404 for an unknown property or route', async () => {
    expect((await get('/api/properties/nowhere/offers?checkIn=2027-03-10&checkOut=2027-03-12&adults=2')).status).toBe(404);
    expect(await get('/nothing-here')).toEqual({ status: 404, body: { error: 'not_found', reasons: ['no such route'] } });
  });
});
