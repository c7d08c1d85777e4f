import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogNotifier, createStaffNotifier, createWebhookNotifier, SIGNATURE_HEADER, verifySignature, type AlertLog } from '../../../adapters/notify';
import type { StaffAlert } from '../../../domain/ports';

const alert: StaffAlert = {
  propertyId: 'chateau-de-vauclair',
  kind: 'double_booking',
  summary: 'Double booking on unit tour: booking K7M2QX overlaps reservation HMQ8E2ZK4X@airbnb.com from the Airbnb calendar (2 nights, 2027-03-11 to 2027-03-12).',
  data: { unitId: 'tour', bookingId: 'b1', reference: 'K7M2QX', feedId: 'tour-airbnb', uid: 'HMQ8E2ZK4X@airbnb.com', nights: 2 },
  at: '2026-12-01T09:00:00.000Z',
};

class MemoryLog implements AlertLog {
  readonly lines: { level: string; obj: object; msg: string }[] = [];
  warn(obj: object, msg: string): void {
    this.lines.push({ level: 'warn', obj, msg });
  }
  error(obj: object, msg: string): void {
    this.lines.push({ level: 'error', obj, msg });
  }
}

describe('staff notifiers', () => {
  let server: Server;
  let url: string;
  let received: { headers: Record<string, string | string[] | undefined>; raw: string }[];
  let status: number;
  const SECRET = 'whsec_3f9a2c7e1b8d4f06a5c2e9b7';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        received.push({ headers: req.headers, raw });
        res.writeHead(status);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/majordome`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received = [];
    status = 204;
  });

  it('log: writes the alert at warn level with its ids', async () => {
    const log = new MemoryLog();
    await createLogNotifier(log).notify(alert);
    expect(log.lines).toEqual([
      { level: 'warn', obj: { staffAlert: { propertyId: alert.propertyId, kind: 'double_booking', data: alert.data, at: alert.at } }, msg: `staff alert: ${alert.summary}` },
    ]);
  });

  it('log: leaves the signed answer links out, since a log must carry no capability, and says which', async () => {
    const log = new MemoryLog();
    const request: StaffAlert = { ...alert, kind: 'booking_request', data: { bookingId: 'b2', reference: 'Q4RT8P', approveUrl: 'https://chat.example.com/staff/requests/p/b2/approve?exp=1&sig=abc', declineUrl: 'https://chat.example.com/staff/requests/p/b2/decline?exp=1&sig=def' } };
    await createLogNotifier(log).notify(request);
    expect(log.lines[0]?.obj).toEqual({ staffAlert: { propertyId: alert.propertyId, kind: 'booking_request', data: { bookingId: 'b2', reference: 'Q4RT8P' }, at: alert.at, linksLeftOut: ['approveUrl', 'declineUrl'] } });
    expect(JSON.stringify(log.lines)).not.toContain('sig=');
  });

  it('webhook: POSTs the alert as JSON signed with HMAC-SHA256 of the raw body', async () => {
    await createWebhookNotifier({ url, secret: SECRET }).notify(alert);
    expect(received).toHaveLength(1);
    const [hit] = received;
    if (!hit) throw new Error('nothing received');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['x-majordome-event']).toBe('double_booking');
    expect(verifySignature(SECRET, hit.raw, String(hit.headers[SIGNATURE_HEADER]))).toBe(true);
    expect(verifySignature('another-secret-entirely', hit.raw, String(hit.headers[SIGNATURE_HEADER]))).toBe(false);
    expect(verifySignature(SECRET, hit.raw.replace('K7M2QX', 'K7M2QY'), String(hit.headers[SIGNATURE_HEADER]))).toBe(false);
    expect(JSON.parse(hit.raw)).toEqual({ type: 'staff_alert', alert });
  });

  it('webhook: retries a 5xx, not a 4xx, and fails loudly after the last try', async () => {
    status = 503;
    const notifier = createWebhookNotifier({ url, secret: SECRET, attempts: 3, sleep: async () => undefined });
    await expect(notifier.notify(alert)).rejects.toThrow('webhook answered HTTP 503');
    expect(received).toHaveLength(3);
    received = [];
    status = 401;
    await expect(notifier.notify(alert)).rejects.toThrow('webhook answered HTTP 401');
    expect(received).toHaveLength(1);
  });

  it('together: the log always gets the alert, a failing webhook is logged and never reaches the caller', async () => {
    status = 500;
    const log = new MemoryLog();
    const notifier = createStaffNotifier(log, { url, secret: SECRET, backoffMs: 1 });
    await expect(notifier.notify(alert)).resolves.toBeUndefined();
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', `staff alert: ${alert.summary}`],
      ['error', 'staff alert not delivered'],
    ]);
    expect(log.lines[1]?.obj).toMatchObject({ channel: 'webhook', propertyId: alert.propertyId, kind: 'double_booking' });
  });
});
