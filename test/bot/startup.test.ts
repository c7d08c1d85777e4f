import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the real entry point and gathers how it ended. */
function runMain(env: Record<string, string>, waitForListen = false): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot', 'main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    let stopping = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (waitForListen && !stopping && stdout.includes('Majordome is listening')) {
        stopping = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, stdout }));
    // Generous: under load the language warm-up alone takes seconds, and CI machines are busy.
    setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  });
}

describe('starting the process', () => {
  it('refuses to start on a bad property file and names the field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'majordome-props-'));
    const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'bot', 'properties', 'chateau-de-vauclair.json'), 'utf8'));
    demo.unitTypes[2].capacity.adults = 0;
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(demo));
    const r = await runMain({ PROPERTIES_DIR: dir, PORT: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unitTypes[2].capacity.adults: expected a positive integer');
    expect(r.stderr).toContain('broken.json');
  });

  it("refuses to start on another folder's property files that keep a demo export token, naming the file and field", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'majordome-props-'));
    fs.cpSync(path.join(ROOT, 'bot', 'properties'), dir, { recursive: true });
    const r = await runMain({ PROPERTIES_DIR: dir, PORT: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gite-des-tilleuls\.json: units\[0\]\.exportToken: this is a token of the public demo/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start on a bad environment variable', async () => {
    const r = await runMain({ PORT: 'http' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT: expected a port number');
  });

  it('starts on the demo properties with nothing configured, and stops cleanly', async () => {
    const r = await runMain({ PORT: '0', HOST: '127.0.0.1' }, true);
    expect(r.stdout).toContain('"store":"memory"');
    expect(r.code).toBe(0);
  }, 90_000);
});
