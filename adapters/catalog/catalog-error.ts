/**
 * Everything wrong with the property catalogue at once, one `<file>: <path>: <reason>` line
 * per problem, so that whoever edits the files can fix them all before the next start.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`invalid property catalogue (${count}):\n${problems.join('\n')}`);
    this.problems = problems;
  }
}
