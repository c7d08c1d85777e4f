import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CatalogError } from '../../adapters/catalog/load-properties';
import { DEMO_PROPERTIES_DIR } from '../../bot/config';
import { refuseDemoExportTokens } from '../../bot/demo-export-tokens';

describe('export tokens of the public demo', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'majordome-props-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const chateau = () => JSON.parse(readFileSync(path.join(DEMO_PROPERTIES_DIR, 'chateau-de-vauclair.json'), 'utf8')) as { units: { id: string; exportToken?: string }[] };

  it('are fine where they belong: the demo folder, also through a link to it', async () => {
    await expect(refuseDemoExportTokens(DEMO_PROPERTIES_DIR)).resolves.toBeUndefined();
    const link = path.join(dir, 'demo');
    symlinkSync(DEMO_PROPERTIES_DIR, link);
    await expect(refuseDemoExportTokens(link)).resolves.toBeUndefined();
  });

  it('stop a start from any other folder, naming each file and field', async () => {
    cpSync(DEMO_PROPERTIES_DIR, dir, { recursive: true });
    const error = await refuseDemoExportTokens(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    const tower = chateau().units.findIndex((u) => u.exportToken);
    expect((error as CatalogError).problems).toEqual([
      `${path.join(dir, 'chateau-de-vauclair.json')}: units[${tower}].exportToken: this is a token of the public demo in bot/properties, which anyone can read; put a random one instead (\`openssl rand -hex 16\`)`,
      expect.stringMatching(/gite-des-tilleuls\.json: units\[0\]\.exportToken: this is a token of the public demo/),
    ]);
    // The message never repeats the token itself.
    expect((error as Error).message).not.toContain(chateau().units[tower]?.exportToken ?? 'none');
  });

  it('also when a demo token is moved to another unit or property, and not once replaced', async () => {
    const doc = chateau();
    const token = doc.units.find((u) => u.exportToken)?.exportToken;
    for (const u of doc.units) delete u.exportToken;
    const last = doc.units.at(-1);
    if (last) last.exportToken = token;
    writeFileSync(path.join(dir, 'mine.json'), JSON.stringify({ ...doc, id: 'my-hotel' }));
    await expect(refuseDemoExportTokens(dir)).rejects.toThrow(`mine.json: units[${doc.units.length - 1}].exportToken`);
    if (last) last.exportToken = 'a3f0c1d2e3b4a5968778695a4b3c2d1e';
    writeFileSync(path.join(dir, 'mine.json'), JSON.stringify({ ...doc, id: 'my-hotel' }));
    await expect(refuseDemoExportTokens(dir)).resolves.toBeUndefined();
  });

  it("come after the catalogue loader's own problems", async () => {
    cpSync(DEMO_PROPERTIES_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, 'broken.json'), '{ "units": ');
    await expect(refuseDemoExportTokens(dir)).rejects.toThrow(/broken\.json: line 1, column \d+: invalid JSON/);
    await expect(refuseDemoExportTokens(path.join(dir, 'missing'))).rejects.toThrow('folder not found');
  });
});
