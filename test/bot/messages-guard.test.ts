import { isLoopbackAddress, isLoopbackServiceUrl, refuseCaller, refuseServiceUrl } from '../../bot/http/loopback-guard';
import { parseActivity } from '../../bot/http/messages-activity';

describe('loopback guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['::FFFF:127.0.0.2', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['0.0.0.0', false],
    ['128.0.0.1', false],
    ['fe80::1', false],
    ['', false],
    [undefined, false],
  ])('caller %s is loopback: %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it.each([
    ['http://localhost:3979', true],
    ['http://LOCALHOST:3979/', true],
    ['https://localhost', true],
    ['http://127.0.0.1:9000/path', true],
    ['http://127.255.0.3', true],
    ['http://127.1:80', true],
    ['http://2130706433', true],
    ['http://0x7f.1', true],
    ['http://[::1]:3979', true],
    ['http://[::ffff:127.0.0.1]:3979', true],
    ['http://user@127.0.0.1:1/', true],
    ['http://127.0.0.1.evil.example', false],
    ['http://localhost.evil.example', false],
    ['http://evil.localhost', false],
    ['http://127.0.0.1@evil.example', false],
    ['http://0.0.0.0:3979', false],
    ['http://[::]:3979', false],
    ['http://[::ffff:10.0.0.1]', false],
    ['http://10.1.2.3', false],
    ['https://smba.trafficmanager.net/emea/', false],
    ['ftp://127.0.0.1', false],
    ['file:///etc/passwd', false],
    ['localhost:3979', false],
    ['not a url', false],
  ])('serviceUrl %s is loopback: %s', (url, expected) => {
    expect(isLoopbackServiceUrl(url)).toBe(expected);
    expect(refuseServiceUrl(url) === null).toBe(expected);
  });

  it('refuses forwarded requests even from loopback', () => {
    expect(refuseCaller('127.0.0.1', {})).toBeNull();
    for (const header of ['forwarded', 'x-forwarded-for', 'x-real-ip']) {
      expect(refuseCaller('127.0.0.1', { [header]: '198.51.100.7' })).toMatchObject({ status: 403, code: 'loopback_only' });
    }
    expect(refuseCaller('192.168.1.20', {})).toMatchObject({ status: 403, code: 'loopback_only' });
  });
});

describe('activity parsing', () => {
  const valid = { type: 'message', id: 'a1', channelId: 'emulator', serviceUrl: 'http://localhost:1', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } };

  it('keeps every field and turns timestamps into Dates as the SDK does', () => {
    const parsed = parseActivity(Buffer.from(JSON.stringify({ ...valid, timestamp: '2027-12-01T10:00:00.123Z', localTimestamp: '2027-12-01T11:00:00+01:00', channelData: { propertyId: 'p1' }, text: 'hi' })));
    if (!parsed.ok) throw new Error(parsed.reasons.join());
    expect(parsed.activity.timestamp).toEqual(new Date('2027-12-01T10:00:00.123Z'));
    expect(Reflect.get(parsed.activity, 'rawTimestamp')).toBe('2027-12-01T10:00:00.123Z');
    expect(Reflect.get(parsed.activity, 'rawLocalTimestamp')).toBe('2027-12-01T11:00:00+01:00');
    expect(parsed.activity.channelData).toEqual({ propertyId: 'p1' });
    expect(parsed.activity.text).toBe('hi');
  });

  it('names what is missing, and never quotes the body', () => {
    expect(parseActivity(Buffer.from('{"text": "my secret'))).toEqual({ ok: false, reasons: ['(root): the body is not valid JSON'] });
    expect(parseActivity(Buffer.from(JSON.stringify({ ...valid, type: '', conversation: {} })))).toEqual({
      ok: false,
      reasons: ['type: expected the activity type', 'conversation.id: expected an id'],
    });
    expect(parseActivity(Buffer.from('null'))).toEqual({ ok: false, reasons: ['(root): expected an activity object'] });
  });
});
