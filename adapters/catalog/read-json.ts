import { readFile } from 'node:fs/promises';
import { fsErrorCode } from './fs-error-code';

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: string };

/** 1-based line and column of a UTF-16 offset: editors show those, not offsets. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/**
 * V8 words syntax errors as "Expected ',' or '}' after property value in JSON at position 42"
 * (newer versions append "(line 3 column 5)"); the offset is turned into a line and column.
 */
function describeSyntaxError(text: string, message: string): string {
  const at = /^(.*?)(?: in JSON)? at position (\d+)/.exec(message);
  const reason = (at?.[1] ?? message).replace(/^./, (c) => c.toLowerCase());
  const offset = at?.[2] !== undefined ? Number(at[2]) : text.length;
  return `${lineAndColumn(text, offset)}: invalid JSON, ${reason}`;
}

/** Reads and parses one JSON file; failures come back as a `<file>: <where>: <reason>` line. */
export async function readJsonFile(file: string): Promise<JsonRead> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    const code = fsErrorCode(err);
    if (code === 'ENOENT') return { ok: false, problem: `${file}: file not found` };
    if (code === 'EISDIR') return { ok: false, problem: `${file}: is a folder, expected a JSON file` };
    return { ok: false, problem: `${file}: cannot read the file (${code ?? String(err)})` };
  }
  // Some Windows editors save UTF-8 with a byte order mark, which JSON.parse rejects.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, problem: `${file}: empty file, expected a JSON property document` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, problem: `${file}: ${describeSyntaxError(text, err instanceof Error ? err.message : String(err))}` };
  }
}
