import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError, loadPropertiesFrom, loadPropertyFile } from '../../../adapters/catalog/load-properties';
import { changed, validPropertyDocument } from '../../domain/catalog/property-document';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'majordome-catalog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const propertyWithId = (id: string): unknown => changed(validPropertyDocument(), ['id'], id);
const write = (name: string, content: unknown) => writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));

/** The CatalogError a promise rejects with; fails the test when it resolves or throws anything else. */
async function catalogError(promise: Promise<unknown>): Promise<CatalogError> {
  const outcome = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(outcome instanceof CatalogError)) throw new Error(`expected a CatalogError, got ${String(outcome)}`);
  return outcome;
}

describe('loadPropertiesFrom', () => {
  it('loads every *.json file in file name order, skipping other files and editor lock files', async () => {
    await write('20-zeta.json', propertyWithId('zeta'));
    await write('10-alpha.json', propertyWithId('alpha'));
    await write('README.txt', 'not a property');
    await write('.#10-alpha.json', 'lock file of an editor');
    const properties = await loadPropertiesFrom(dir);
    expect(properties.map((p) => p.id)).toEqual(['alpha', 'zeta']);
    expect(properties[0]?.holdMinutes).toBe(20);
  });

  it('names the file and the path of every problem in a file', async () => {
    await write('good.json', propertyWithId('good'));
    const bad = changed(changed(propertyWithId('bad'), ['unitTypes', 2, 'capacity', 'adults'], 0), ['units', 1, 'typeId'], 'triple');
    await write('bad.json', bad);
    const error = await catalogError(loadPropertiesFrom(dir));
    const file = join(dir, 'bad.json');
    expect(error.problems).toEqual([
      `${file}: unitTypes[2].capacity.adults: expected a positive integer`,
      `${file}: units[1].typeId: unknown unit type "triple"`,
      `${file}: unitTypes[1].id: no unit of type "twin"`,
    ]);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    await write('broken.json', '{\n  "id": "broken",\n}\n');
    const error = await catalogError(loadPropertiesFrom(dir));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${escape(join(dir, 'broken.json'))}: line 3, column 1: invalid JSON, \\S`));
    expect(error.problems[0]).not.toMatch(/position/);
  });

  it('reports an empty file as such rather than as a syntax error', async () => {
    await write('empty.json', '\n');
    const error = await catalogError(loadPropertiesFrom(dir));
    expect(error.problems).toEqual([`${join(dir, 'empty.json')}: empty file, expected a JSON property document`]);
  });

  it('accepts a file saved with a byte order mark', async () => {
    await write('bom.json', `\uFEFF${JSON.stringify(propertyWithId('bom'))}`);
    expect((await loadPropertiesFrom(dir)).map((p) => p.id)).toEqual(['bom']);
  });

  it('collects the problems of every file before failing', async () => {
    await write('a.json', changed(propertyWithId('a'), ['currency'], 'euro'));
    await write('b.json', '{ "id": ');
    await write('c.json', changed(propertyWithId('c'), ['bookingMode'], 'maybe'));
    const error = await catalogError(loadPropertiesFrom(dir));
    expect(error.problems).toHaveLength(3);
    expect(error.problems[0]).toBe(`${join(dir, 'a.json')}: currency: expected an ISO 4217 currency code such as EUR`);
    expect(error.problems[1]).toMatch(new RegExp(`^${escape(join(dir, 'b.json'))}: line 1, column 9: invalid JSON, `));
    expect(error.problems[2]).toBe(`${join(dir, 'c.json')}: bookingMode: expected instant or request`);
  });

  it('rejects a property id used by two files', async () => {
    await write('a.json', propertyWithId('same'));
    await write('b.json', propertyWithId('other'));
    await write('c.json', propertyWithId('same'));
    const error = await catalogError(loadPropertiesFrom(dir));
    expect(error.problems).toEqual([`${join(dir, 'c.json')}: id: duplicate property id "same", already used by ${join(dir, 'a.json')}`]);
  });

  it('rejects a folder without property files', async () => {
    await write('notes.md', '# nothing here');
    const error = await catalogError(loadPropertiesFrom(dir));
    expect(error.problems).toEqual([`${dir}: no property files (*.json) in this folder`]);
  });

  it('rejects a missing folder', async () => {
    const missing = join(dir, 'nowhere');
    const error = await catalogError(loadPropertiesFrom(missing));
    expect(error.problems).toEqual([`${missing}: folder not found`]);
  });

  it('rejects a file given as the folder', async () => {
    await write('a.json', propertyWithId('a'));
    const file = join(dir, 'a.json');
    const error = await catalogError(loadPropertiesFrom(file));
    expect(error.problems).toEqual([`${file}: not a folder`]);
  });

  it('skips a folder named like a property file', async () => {
    await write('a.json', propertyWithId('a'));
    await mkdir(join(dir, 'archive.json'));
    expect((await loadPropertiesFrom(dir)).map((p) => p.id)).toEqual(['a']);
  });
});

describe('loadPropertyFile', () => {
  it('loads one property', async () => {
    await write('one.json', propertyWithId('one'));
    const property = await loadPropertyFile(join(dir, 'one.json'));
    expect(property.id).toBe('one');
  });

  it('rejects a missing file', async () => {
    const file = join(dir, 'missing.json');
    const error = await catalogError(loadPropertyFile(file));
    expect(error.problems).toEqual([`${file}: file not found`]);
  });

  it('rejects a folder', async () => {
    const error = await catalogError(loadPropertyFile(dir));
    expect(error.problems).toEqual([`${dir}: is a folder, expected a JSON file`]);
  });
});

describe('CatalogError', () => {
  it('lists every problem in its message, one per line, for the boot log', () => {
    const error = new CatalogError(['a.json: id: expected an id of lowercase letters, digits and dashes', 'b.json: units: expected a list']);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CatalogError');
    expect(error.message).toBe(
      'invalid property catalogue (2 problems):\na.json: id: expected an id of lowercase letters, digits and dashes\nb.json: units: expected a list',
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
