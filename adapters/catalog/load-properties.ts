import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProperty } from '../../domain/catalog/parse';
import type { Property } from '../../domain/catalog/schema';
import { CatalogError } from './catalog-error';
import { fsErrorCode } from './fs-error-code';
import { readJsonFile } from './read-json';

export { CatalogError } from './catalog-error';

type FileResult = { ok: true; file: string; property: Property } | { ok: false; problems: string[] };

async function readPropertyFile(file: string): Promise<FileResult> {
  const json = await readJsonFile(file);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const parsed = parseProperty(json.value);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((line) => `${file}: ${line}`) };
  return { ok: true, file, property: parsed.property };
}

/** One property document; throws a CatalogError listing every problem in it. */
export async function loadPropertyFile(file: string): Promise<Property> {
  const result = await readPropertyFile(file);
  if (!result.ok) throw new CatalogError(result.problems);
  return result.property;
}

/**
 * File names of the property documents in `dir`, sorted so that the catalogue and its
 * messages come out in the same order on every machine. Dot files are skipped: editors
 * leave lock files such as `.#chateau.json` next to the one being edited.
 */
async function propertyFileNames(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = fsErrorCode(err);
    if (code === 'ENOENT') throw new CatalogError([`${dir}: folder not found`]);
    if (code === 'ENOTDIR') throw new CatalogError([`${dir}: not a folder`]);
    throw new CatalogError([`${dir}: cannot read the folder (${code ?? String(err)})`]);
  }
  const names = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && e.name.toLowerCase().endsWith('.json'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) throw new CatalogError([`${dir}: no property files (*.json) in this folder`]);
  return names;
}

/**
 * Every `*.json` property document of a folder, in file name order. Reads them all before
 * failing, and throws one CatalogError with the problems of every file, including property
 * ids used by two files (bookings, store keys and URLs are all keyed by that id).
 */
export async function loadPropertiesFrom(dir: string): Promise<Property[]> {
  const names = await propertyFileNames(dir);
  const results = await Promise.all(names.map((name) => readPropertyFile(join(dir, name))));

  const problems: string[] = [];
  const fileOfId = new Map<string, string>();
  const properties: Property[] = [];
  for (const result of results) {
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { file, property } = result;
    const first = fileOfId.get(property.id);
    if (first !== undefined) problems.push(`${file}: id: duplicate property id "${property.id}", already used by ${first}`);
    else fileOfId.set(property.id, file);
    properties.push(property);
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return properties;
}
