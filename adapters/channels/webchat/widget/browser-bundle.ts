import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A script for browsers, minified once per process and kept with its gzip and ETag. */
export interface BrowserScript {
  code: Buffer;
  gzip: Buffer;
  etag: string;
}

export type BrowserEntry = 'main' | 'official-main';

/**
 * The browser sources are TypeScript next to this file; from `dist/` they are found back
 * in the source tree, since the TypeScript build skips them (they need the DOM library).
 */
export function browserSourceDir(): string {
  const candidates = [path.join(__dirname, 'browser'), path.resolve(__dirname, '..', '..', '..', '..', '..', 'adapters', 'channels', 'webchat', 'widget', 'browser')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'main.ts')));
  if (!found) throw new Error(`widget sources not found (looked in ${candidates.join(', ')})`);
  return found;
}

const cache = new Map<BrowserEntry, Promise<BrowserScript>>();

export function browserScript(entry: BrowserEntry): Promise<BrowserScript> {
  let built = cache.get(entry);
  if (!built) {
    built = bundle(entry);
    // A failed build is not cached: the next request tries again.
    built.catch(() => cache.delete(entry));
    cache.set(entry, built);
  }
  return built;
}

async function bundle(entry: BrowserEntry): Promise<BrowserScript> {
  const dir = browserSourceDir();
  const result = await build({
    entryPoints: [path.join(dir, `${entry}.ts`)],
    tsconfig: path.join(dir, 'tsconfig.json'),
    bundle: true,
    minify: true,
    format: 'iife',
    // Browsers with constructable stylesheets and ES2020: the last two years of each.
    target: ['chrome100', 'firefox100', 'safari16'],
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  const code = Buffer.from(file.contents);
  return { code, gzip: gzipSync(code, { level: 9 }), etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"` };
}
