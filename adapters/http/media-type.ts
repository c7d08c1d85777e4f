/**
 * A Content-Type header read once for every route that takes a body: the media type, lowercased
 * without its parameters, and whether the charset it declares is one we decode. Bodies are read
 * as UTF-8 everywhere; JSON must be UTF-8 (RFC 8259 §8.1), and a form or text declaring another
 * charset would be decoded wrongly, so any other declared charset is refused rather than guessed.
 */
export interface MediaType {
  /** `application/json`, or '' when the header is absent or empty. */
  type: string;
  /** The declared charset, lowercased and unquoted, or null when none is declared. */
  charset: string | null;
}

export function parseMediaType(header: string | undefined): MediaType {
  const [type = '', ...params] = (header ?? '').split(';');
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** null when the body may be read as UTF-8, else the reason to give with a 415. */
export function charsetRefusal(media: MediaType): string | null {
  if (media.charset === null || media.charset === 'utf-8' || media.charset === 'utf8') return null;
  return `charset ${media.charset.slice(0, 40)} is not accepted: send UTF-8`;
}
