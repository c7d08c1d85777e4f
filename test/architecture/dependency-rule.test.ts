import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every module specifier: static imports and exports, `import()` and `require()`. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

function violations(dir: string, allowed: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    specifiers(fs.readFileSync(file, 'utf8'))
      .filter((spec) => !allowed(spec, file))
      .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
  );
}

const insideFolder = (folder: string) => (spec: string, file: string) =>
  spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.join(ROOT, folder) + path.sep);

describe('the dependency rule', () => {
  it('finds every kind of import, so the rule below can fail', () => {
    const src = `import a from 'x';\nimport type { B } from "../bot/y";\nexport * from './z';\nimport 'side';\nconst r = require('ioredis');\nawait import('stripe');`;
    expect(specifiers(src).sort()).toEqual(['../bot/y', './z', 'ioredis', 'side', 'stripe', 'x']);
  });

  it('domain/ is pure: only itself and zod', () => {
    expect(sourceFiles('domain').length).toBeGreaterThan(10);
    expect(violations('domain', (spec, file) => spec === 'zod' || insideFolder('domain')(spec, file))).toEqual([]);
  });

  it('dialogs/ reaches the world only through the domain: no store, payment or channel client', () => {
    const forbidden = /^(ioredis|stripe|twilio|node-ical|ical-generator|bullmq|restify)(\/|$)/;
    expect(
      violations('dialogs', (spec, file) => {
        if (forbidden.test(spec)) return false;
        if (!spec.startsWith('.')) return true;
        const target = path.resolve(path.dirname(file), spec);
        return ![path.join(ROOT, 'adapters'), path.join(ROOT, 'bot')].some((d) => target.startsWith(d + path.sep));
      }),
    ).toEqual([]);
  });

  it('adapters/ implement ports and never reach into bot/ or dialogs/', () => {
    expect(
      violations('adapters', (spec, file) => {
        if (!spec.startsWith('.')) return true;
        const target = path.resolve(path.dirname(file), spec);
        return ![path.join(ROOT, 'bot'), path.join(ROOT, 'dialogs')].some((d) => target.startsWith(d + path.sep));
      }),
    ).toEqual([]);
  });
});
