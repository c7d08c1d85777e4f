/** `npm run understand` end to end: spawn the CLI, feed JSON lines, read JSON lines. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function runCli(input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'dialogs', 'understanding', 'cli.ts')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('understand CLI', () => {
  it('answers every line, good or bad, with one JSON line and nothing else', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Do you have a room from December 12 to 15 for 2 adults?', now: '2026-11-20' }),
      JSON.stringify({ id: 'b', text: 'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', locale: 'fr', now: '2026-11-20' }),
      'this is not json',
      JSON.stringify({ id: 'c', text: 'hello' }),
      JSON.stringify({ id: 'd', text: 'ok', locale: 'pt', now: '2026-11-20' }),
      JSON.stringify({ id: 7, text: 'ce soir pour 2 nuits, 2 adultes et un bébé', now: '2026-12-30' }),
      JSON.stringify({ id: 'e', text: 'tonight', now: '2026-11-20T23:30:00Z', timeZone: 'Pacific/Kiritimati' }),
      JSON.stringify({ id: 'f', text: 'hi', now: '2026-11-20', locale: 'de' }),
      '',
    ].join('\n');
    const { stdout, code } = await runCli(input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { id: 'a', locale: 'en', intent: 'book', checkIn: '2026-12-12', checkOut: '2026-12-15', adults: 2, children: null },
      { id: 'b', locale: 'fr', intent: 'book', checkIn: '2026-12-12', checkOut: '2026-12-15', adults: 2, children: null },
      { error: 'not JSON' },
      { id: 'c', error: expect.stringContaining('now') },
      { id: 'd', locale: 'pt', intent: 'other', checkIn: null, checkOut: null, adults: null, children: null },
      { id: 7, locale: 'fr', intent: 'book', checkIn: '2026-12-30', checkOut: '2027-01-01', adults: 2, children: 1 },
      // 23:30 UTC on the 20th is already the 21st in Kiritimati (UTC+14).
      { id: 'e', locale: 'en', intent: 'book', checkIn: '2026-11-21', checkOut: '2026-11-22', adults: null, children: null },
      { id: 'f', error: expect.stringContaining('locale') },
    ]);
  }, 30000);
});
