import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CatalogError, loadPropertiesFrom } from '../adapters/catalog/load-properties';
import { readJsonFile } from '../adapters/catalog/read-json';
import { DEMO_PROPERTIES_DIR } from './config';

/**
 * The demo properties in bot/properties carry calendar export tokens, and so does every copy of
 * the repository: they are public. A deployment that serves its own property files must not
 * reuse one, or anyone could read that unit's calendar; the start fails naming the file and field.
 */

const exportTokens = z.looseObject({ units: z.array(z.looseObject({ exportToken: z.string().optional() })) });

interface TokenAt {
  file: string;
  field: string;
  token: string;
}

async function tokensIn(dir: string): Promise<TokenAt[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && e.name.toLowerCase().endsWith('.json'))
    .map((e) => e.name)
    .sort();
  const found: TokenAt[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const json = await readJsonFile(file);
    // A file that does not read or parse is the catalogue loader's to report, with its reasons.
    const doc = json.ok ? exportTokens.safeParse(json.value) : null;
    if (!doc?.success) continue;
    doc.data.units.forEach((unit, i) => {
      if (unit.exportToken) found.push({ file, field: `units[${i}].exportToken`, token: unit.exportToken });
    });
  }
  return found;
}

const sameFolder = async (a: string, b: string): Promise<boolean> => {
  const [ra, rb] = await Promise.all([realpath(a).catch(() => path.resolve(a)), realpath(b).catch(() => path.resolve(b))]);
  return ra === rb;
};

/**
 * Throws a CatalogError when property files outside the demo folder use a demo export token.
 * The files are checked by the catalogue loader first, so that its problems come first.
 */
export async function refuseDemoExportTokens(propertiesDir: string, demoDir: string = DEMO_PROPERTIES_DIR): Promise<void> {
  if (await sameFolder(propertiesDir, demoDir)) return;
  await loadPropertiesFrom(propertiesDir);
  const demo = new Set((await tokensIn(demoDir).catch(() => [])).map((t) => t.token));
  if (demo.size === 0) return;
  const reused = (await tokensIn(propertiesDir).catch(() => [])).filter((t) => demo.has(t.token));
  if (reused.length === 0) return;
  throw new CatalogError(
    reused.map((t) => `${t.file}: ${t.field}: this is a token of the public demo in bot/properties, which anyone can read; put a random one instead (\`openssl rand -hex 16\`)`),
  );
}
