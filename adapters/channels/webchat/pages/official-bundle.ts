import fs from 'node:fs';
import path from 'node:path';
import { staticBody } from './static-body';
import type { StaticBody } from './static-response';

/**
 * Microsoft's Web Chat bundle from node_modules. Its package exports no `dist/` path, so it
 * is looked up along Node's module search paths. Read and gzipped once (about 3.9 MB).
 */
let cached: Promise<StaticBody> | null = null;

export function officialWebChatPath(): string | null {
  for (const dir of require.resolve.paths('botframework-webchat') ?? []) {
    const file = path.join(dir, 'botframework-webchat', 'dist', 'webchat.js');
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export function officialWebChat(): Promise<StaticBody> | null {
  const file = officialWebChatPath();
  if (!file) return null;
  if (!cached) {
    cached = fs.promises.readFile(file).then(staticBody);
    cached.catch(() => (cached = null));
  }
  return cached;
}
