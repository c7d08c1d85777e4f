/**
 * Feeds are UTF-8 in practice (RFC 5545 §6 says so). A stray invalid byte becomes U+FFFD in a
 * summary, which nothing reads; the structure check still decides if the file is a calendar.
 */
const decoder = new TextDecoder('utf-8');

export function decodeBody(body: Uint8Array): string {
  return decoder.decode(body);
}
