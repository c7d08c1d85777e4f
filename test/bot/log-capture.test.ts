import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, LOG_CAPTURE_ENV } from '../../bot/logger';
import { finishLogCapture, markSensitive, scanLogCapture } from '../support/log-capture';

/**
 * The check the global teardown runs over every log line of the suite, shown to fail on lines
 * planted in a folder of its own (the run's real folder is left to the teardown).
 */
describe('the log check of the test run', () => {
  const previous = process.env[LOG_CAPTURE_ENV];
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'majordome-log-check-'));
  });
  afterEach(() => {
    if (previous === undefined) delete process.env[LOG_CAPTURE_ENV];
    else process.env[LOG_CAPTURE_ENV] = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const plant = (file: string, lines: unknown[]) => fs.writeFileSync(path.join(dir, file), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const signature = `t=1796692128,v1=${'5f'.repeat(32)}`;

  it('names the file and line of each secret or personal datum, masked, and passes clean lines', () => {
    plant('101.log', [
      { level: 30, msg: 'stripe event handled', eventId: 'evt_1', bookingId: 'bk-1' },
      { level: 40, msg: 'guest said', guest: 'Camille Martin' },
      { level: 40, msg: 'Discarded returned value from async handler', value: { statusCode: 200 } },
    ]);
    plant('202.log', [{ level: 30, msg: 'webhook', headers: { 'stripe-signature': signature } }, { level: 30, msg: 'mail', to: 'CAMILLE@example.ORG' }]);
    fs.writeFileSync(path.join(dir, 'sensitive-303.txt'), `${JSON.stringify('drawn-at-run-time-0123456789')}\n`);
    plant('303.log', [{ level: 50, msg: 'Bearer drawn-at-run-time-0123456789 refused' }]);

    const report = scanLogCapture(dir);
    expect(report.files).toBe(3);
    expect(report.lines).toBe(6);
    expect(report.findings.map((f) => `${f.where} ${f.what.split(' ')[0] ?? ''}`)).toEqual([
      '101.log:2 value',
      '101.log:3 response',
      '202.log:1 Stripe',
      '202.log:2 value',
      '303.log:1 value',
      '303.log:1 bearer',
    ]);
    const text = report.findings.map((f) => f.what).join('\n');
    for (const secret of ['Camille Martin', signature.slice(16), 'drawn-at-run-time-0123456789', 'camille@example.org']) expect(text).not.toContain(secret);
  });

  it('fails the run, listing the lines, and keeps the folder to look at', () => {
    plant('404.log', [{ level: 30, msg: 'ok' }, { level: 30, msg: `paid by ${'+33612345678'}` }]);
    process.env[LOG_CAPTURE_ENV] = dir;
    expect(() => finishLogCapture()).toThrow(/^1 log line\(s\) of the test run hold secrets or personal data .*\n {2}404\.log:2: value \+33…\(12 characters\)$/);
    expect(fs.existsSync(path.join(dir, '404.log'))).toBe(true);
  });

  it('passes a clean run and removes its folder', () => {
    plant('505.log', [{ level: 30, msg: 'ok', bookingId: 'bk-2' }]);
    process.env[LOG_CAPTURE_ENV] = dir;
    expect(finishLogCapture()).toEqual({ files: 1, lines: 1, findings: [] });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('receives every line of a logger made by createLogger, even a silent one, from debug up, redacted', () => {
    process.env[LOG_CAPTURE_ENV] = dir;
    const log = createLogger('silent');
    log.debug({ bookingId: 'bk-3' }, 'a debug line');
    log.trace('not kept: below debug');
    log.warn({ call: { headers: { authorization: 'Bearer xyz-0123456789abcdef' } }, guest: { name: 'Camille Martin' } }, 'a warning');
    const lines = fs.readFileSync(path.join(dir, `${process.pid}.log`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['msg'])).toEqual(['a debug line', 'a warning']);
    expect(lines[1]).toMatchObject({ call: { headers: { authorization: '[redacted]' } }, guest: '[redacted]' });
    expect(scanLogCapture(dir).findings).toEqual([]);
    // A secret in the message itself is not redacted: the check catches it.
    log.info(`token ${markSensitive('run-time-token-9876543210')}`);
    expect(scanLogCapture(dir).findings.map((f) => f.where)).toEqual([`${process.pid}.log:3`]);
  });
});
