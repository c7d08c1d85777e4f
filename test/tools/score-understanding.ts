/**
 * `npm run --silent score:understanding [-- --hint] [files…]`: accuracy of `understand` on
 * test/corpus as JSON on stdout (stays = checkIn and checkOut both exact), failures on stderr,
 * one a line.
 * `--hint` passes each line's expected locale as the conversation's locale, as the bot does
 * mid-conversation.
 * Files (optional) narrow the corpus: paths to `.jsonl` files, or names/patterns matched
 * against test/corpus (`holdout-*`, `en.jsonl`; `*` is a wildcard). Without files, all of
 * test/corpus is scored.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORPUS_DIR, CorpusLine, loadCorpus, scoreCorpus } from './corpus';

const args = process.argv.slice(2);
const useHint = args.includes('--hint');
const patterns = args.filter((a) => !a.startsWith('--'));

function filesOf(pattern: string): string[] {
  if (existsSync(pattern) && statSync(pattern).isFile()) return [pattern];
  const re = new RegExp(`^${basename(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}(\\.jsonl)?$`);
  const found = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl') && re.test(f)).map((f) => join(CORPUS_DIR, f));
  if (found.length === 0) throw new Error(`no corpus file matches ${pattern}`);
  return found;
}

function load(file: string): CorpusLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = CorpusLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

const files = [...new Set(patterns.flatMap(filesOf))].sort();
const lines = files.length === 0 ? loadCorpus() : files.flatMap(load);
const score = scoreCorpus(lines, useHint);
const { failures, ...figures } = score;
process.stdout.write(`${JSON.stringify({ localeHint: useHint, ...(files.length ? { files: files.map((f) => basename(f)) } : {}), ...figures }, null, 2)}\n`);
for (const f of failures) process.stderr.write(`${f.id} ${f.field}: expected ${JSON.stringify(f.expected)} got ${JSON.stringify(f.got)} — ${f.text}\n`);
