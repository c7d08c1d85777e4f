import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOG_CAPTURE_ENV } from '../../bot/logger';
import { PERSONAL_DATA, SECRET_PATTERNS, SECRETS } from './sensitive-values';

/**
 * Every log line the test suite writes, checked for secrets and personal data. The jest global
 * setup points LOG_CAPTURE_ENV at a fresh folder, where every logger made by `createLogger`
 * copies each line from `debug` up (whatever the level the test gave it) into one file per
 * process; the global teardown reads them all and fails the run on a single finding.
 */

const SENSITIVE_FILE = /^sensitive-\d+\.txt$/;
const LOG_FILE = /^\d+\.log$/;

/** Starts a capture for this run: a fresh folder, named in the environment the workers inherit. */
export function startLogCapture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'majordome-log-capture-'));
  process.env[LOG_CAPTURE_ENV] = dir;
  return dir;
}

/** A value drawn while the tests run (a random secret): no log line may contain it either. */
export function markSensitive(value: string): string {
  const dir = process.env[LOG_CAPTURE_ENV];
  if (dir && value.length >= 8) fs.appendFileSync(path.join(dir, `sensitive-${process.pid}.txt`), `${JSON.stringify(value)}\n`);
  return value;
}

export interface Finding {
  /** `file:line` in the capture folder. */
  where: string;
  what: string;
}

export interface CaptureReport {
  files: number;
  lines: number;
  findings: Finding[];
}

/** Enough of a value to recognise it in a report, not enough to use it. */
export function mask(value: string): string {
  return `${value.slice(0, 3)}…(${value.length} characters)`;
}

function registeredValues(dir: string, names: string[]): string[] {
  return names
    .filter((n) => SENSITIVE_FILE.test(n))
    .flatMap((n) => fs.readFileSync(path.join(dir, n), 'utf8').split('\n'))
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as string);
}

/** Reads every captured line and lists each one holding a value or a shape it must not hold. */
export function scanLogCapture(dir: string, extra: { values?: readonly string[] } = {}): CaptureReport {
  const names = fs.readdirSync(dir).sort();
  const values = [...PERSONAL_DATA, ...SECRETS, ...registeredValues(dir, names), ...(extra.values ?? [])].map((v) => ({ value: v, lower: v.toLowerCase() }));
  const report: CaptureReport = { files: 0, lines: 0, findings: [] };
  for (const name of names.filter((n) => LOG_FILE.test(n))) {
    report.files += 1;
    const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.length === 0) return;
      report.lines += 1;
      const where = `${name}:${index + 1}`;
      // Lines are JSON: a value with a quote or a non-ASCII letter appears escaped there.
      const lower = line.toLowerCase();
      for (const { value, lower: v } of values) if (lower.includes(v) || lower.includes(JSON.stringify(v).slice(1, -1))) report.findings.push({ where, what: `value ${mask(value)}` });
      for (const { label, pattern } of SECRET_PATTERNS) {
        const m = pattern.exec(line);
        if (m) report.findings.push({ where, what: `${label} ${mask(m[0])}` });
      }
    });
  }
  return report;
}

/** The global teardown's check: throws, failing `npm test`, when any line holds a secret. */
export function finishLogCapture(): CaptureReport | null {
  const dir = process.env[LOG_CAPTURE_ENV];
  if (!dir || !fs.existsSync(dir)) return null;
  const report = scanLogCapture(dir);
  if (report.findings.length > 0) {
    const shown = report.findings.slice(0, 50).map((f) => `  ${f.where}: ${f.what}`);
    const more = report.findings.length > shown.length ? [`  … and ${report.findings.length - shown.length} more`] : [];
    throw new Error(
      [`${report.findings.length} log line(s) of the test run hold secrets or personal data (lines kept in ${dir}):`, ...shown, ...more].join('\n'),
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env[LOG_CAPTURE_ENV];
  return report;
}
