import { startLoopbackApp, type LoopbackApp } from '../bot/messages-support';
import { sendRaw, type RawRequest } from './support/raw-http';

/** The inputs the fuzz suite found wrong once, replayed exactly so they stay fixed. */
describe('fuzz findings', () => {
  let w: LoopbackApp;
  let port: number;
  beforeAll(async () => {
    w = await startLoopbackApp();
    port = Number(new URL(w.base).port);
  });
  afterAll(async () => {
    await w?.close();
  });

  const send = (r: Partial<RawRequest> & { target: string }) => sendRaw(port, { method: 'GET', headers: [], body: Buffer.alloc(0), framing: 'none', ...r }, 15_000);

  it('refuses offers for a stay longer than a year before reading a single night', async () => {
    const store = w.app.deps.store;
    const read = jest.spyOn(store, 'readUnitNights');
    try {
      const far = await send({ target: '/api/properties/chateau-de-vauclair/offers?checkIn=2028-01-01&checkOut=9999-12-31&adults=2' });
      expect(far.status).toBe(400);
      expect(JSON.parse(far.body.toString())).toEqual({ error: 'invalid_query', reasons: ['checkOut: expected a stay of at most 366 nights'] });
      expect(read).not.toHaveBeenCalled();

      const year = await send({ target: '/api/properties/chateau-de-vauclair/offers?checkIn=2028-01-01&checkOut=2028-12-31&adults=2' });
      expect(year.status).toBe(200);
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
  });
});
