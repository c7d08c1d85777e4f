/** The `code` of a Node file system error (`ENOENT`, `EACCES`…), which is what tells them apart. */
export const fsErrorCode = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
