import fc from 'fast-check';
import type { Framing, RawRequest } from './raw-http';

/**
 * Generators of hostile HTTP requests, shared by every endpoint's fuzz property: an endpoint
 * says what a good request looks like (paths, query fields, body templates) and these bend it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Methods Node's parser accepts and a client may send to any route. */
export const ANY_METHOD = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE');

/** Keys that reach an object's prototype when a parser or a spread is careless. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Strings that have broken parsers before: empty, NUL, control and bidi characters, lone surrogates, numbers-that-are-not. */
const TRICKY = ['', ' ', '\u0000', 'a\u0000b', '\u0007\u001b[2J', '\u202e', '\ud800', '💥', 'é', 'ǅ', '..', '.', '/', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '0x10', '[]', '{}', '%', '%00', ...POLLUTING_KEYS];

/** Any text: unicode, lone surrogates, NUL and control characters, tricky constants, and runs of up to `longestRun` characters. */
export function oddText(maxLength = 64, longestRun = 5000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'é', '9', ' ', '💥', '\u0000'), fc.integer({ min: Math.min(100, longestRun), max: longestRun })).map(([c, n]) => c.repeat(n)) },
  );
}

/** Percent-encodes every byte of the UTF-8 form but unreserved characters (a lone surrogate becomes U+FFFD, as a browser sends it). */
export function pct(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** One path segment: mostly `valid` ones when given, else odd text, broken escapes and dot segments. */
export function segment(valid: readonly string[] = []): fc.Arbitrary<string> {
  const odd = fc.oneof(
    { weight: 4, arbitrary: oddText(48).map(pct) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%ff', '%c3', '%c3%28', '%2e%2e', '..', '%2F', 'a%2Fb', ';x', '*', '%25', 'a.ics', '.ics') },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 4000 }).map((n) => 'a'.repeat(n)) },
  );
  if (!valid.length) return odd;
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, { weight: 2, arbitrary: odd });
}

/** A value close to `valid`: itself, cut, extended, with a character changed, or in another case. */
export function nearly(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: fc.nat({ max: Math.max(0, valid.length - 1) }).map((n) => valid.slice(0, n)) },
    { weight: 1, arbitrary: fc.constantFrom('=', '==', '.', 'A', '0', ' ', '%20', '\u0000', valid).map((tail) => valid + tail) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.nat({ max: Math.max(0, valid.length - 1) }), fc.constantFrom('A', 'a', '0', '-', '_', '+', '/', '=')).map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
    },
    { weight: 1, arbitrary: fc.constant(valid.toUpperCase()) },
  );
}

/** An odd query pair, already encoded: `a[b][c]`, `__proto__[x]`, arrays, deep nesting of `names`. */
export function oddQueryPair(names: readonly string[] = []): fc.Arbitrary<[string, string]> {
  const oddKey = fc.oneof(
    oddText(24).map(pct),
    fc.constantFrom(...POLLUTING_KEYS.map((k) => `${k}[polluted]`), '__proto__[x]', 'constructor[prototype][x]', 'a[]', 'a[0]', 'a[b][c]', '[]', '[', ']', '&', '=', ''),
    fc.tuple(fc.constantFrom(...(names.length ? names : ['a'])), fc.integer({ min: 1, max: 40 })).map(([name, depth]) => name + '[a]'.repeat(depth)),
  );
  return fc.tuple(oddKey, oddText(48).map(pct));
}

/** `?k=v&…` from encoded pairs (`eq` false: keys alone), or nothing. */
export function join(pairs: readonly [string, string][], eq = true): string {
  return pairs.length ? `?${pairs.map(([k, v]) => (eq ? `${k}=${v}` : k)).join('&')}` : '';
}

/**
 * A query string: often every field of the endpoint with a near-valid value (so fuzz reaches
 * past the first check), otherwise a few pairs of its fields and odd keys (`a[b][c]`,
 * `__proto__[x]`, arrays, deep nesting) with odd values, sometimes repeated or without `=`.
 */
export function queryString(fields: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const ownPair = names.length ? [{ weight: 4, arbitrary: fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(pct(name)), fields[name]!.map(pct))) }] : [];
  const oddPair = oddQueryPair(names);
  const pair = fc.oneof(...ownPair, { weight: 2, arbitrary: oddPair });
  const complete = names.length
    ? [
        {
          weight: 6,
          arbitrary: fc
            .tuple(fc.tuple(...names.map((name) => fields[name]!.map((v): [string, string] => [pct(name), pct(v)]))), fc.subarray(names.map((_, i) => i)), fc.array(oddPair, { maxLength: 1 }))
            // Most often all fields; sometimes one or more left out, or an odd pair added.
            .map(([all, dropped, extra]) => join([...all.filter((_, i) => dropped.length > 2 || !dropped.includes(i)), ...extra], true)),
        },
      ]
    : [];
  return fc.oneof(
    ...complete,
    { weight: 1, arbitrary: fc.constantFrom('', '?', '?&&', '?=', '?==&=') },
    { weight: 4, arbitrary: fc.tuple(fc.array(pair, { maxLength: 6 }), fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })).map(([pairs, eq]) => join(pairs, eq)) },
  );
}

const headerName = fc.oneof(
  fc.constantFrom('x-fuzz', 'accept', 'accept-language', 'accept-encoding', 'cookie', 'user-agent', 'referer', 'x-requested-with', 'x-forwarded-host', 'x-forwarded-proto', 'if-modified-since'),
  fc.stringMatching(/^[A-Za-z0-9!#$%&'*+\-.^_`|~]{1,24}$/),
);
/** Header values: printable text, sometimes UTF-8 or a control character (which Node's parser refuses). */
const headerValue = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,80}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, '')) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0001', 'a\u007fb', '\t') },
);

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain',
  'text/html; charset=utf-8',
  'application/octet-stream',
  '*/*',
  '',
  ';',
  'json',
] as const;

export const contentType = fc.constantFrom(...CONTENT_TYPES).map((v): [string, string] => ['content-type', v]);

/** Headers any request may carry; `own` adds the endpoint's (auth, origin, signature…), which are left to each endpoint so as not to be doubled. */
export function headers(own: fc.Arbitrary<[string, string]>[] = []): fc.Arbitrary<[string, string][]> {
  const common = fc.oneof(
    { weight: 3, arbitrary: contentType },
    { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'GZIP', 'x').map((v): [string, string] => ['content-encoding', v]) },
    { weight: 1, arbitrary: fc.constantFrom('gzip', 'gzip, deflate, br', '*', '').map((v): [string, string] => ['accept-encoding', v]) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('*', 'W/"x"', '""'), headerValue).map((v): [string, string] => ['if-none-match', v]) },
    { weight: 1, arbitrary: fc.constantFrom('forwarded', 'x-forwarded-for', 'x-real-ip').chain((h) => fc.constantFrom('127.0.0.1', '203.0.113.9', 'for=203.0.113.9', '').map((v): [string, string] => [h, v])) },
    { weight: 2, arbitrary: fc.tuple(headerName, headerValue) },
  );
  const any = own.length ? fc.oneof({ weight: 2, arbitrary: fc.oneof(...own) }, { weight: 3, arbitrary: common }) : common;
  // Past Node's 16 KB of headers: rare, since the answer (431) is the same whatever the route.
  const huge = fc.oneof({ weight: 30, arbitrary: fc.constant<[string, string][]>([]) }, { weight: 1, arbitrary: fc.integer({ min: 17_000, max: 40_000 }).map((n): [string, string][] => [['x-huge', 'h'.repeat(n)]]) });
  return fc.tuple(fc.array(any, { maxLength: 5 }), huge).map(([hs, big]) => [...hs, ...big]);
}

/** Every path to a value inside `json`, for mutations. */
function pathsOf(json: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(json)) return [...here, ...json.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (json !== null && typeof json === 'object') return [...here, ...Object.entries(json).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

/** Sets (or, with `undefined`, deletes) the value at `path`; own keys even for `__proto__`. */
function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (!path.length) return value === undefined ? null : value;
  const copy: Json = structuredClone(root);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return copy;
    node = (node as Record<string, Json>)[key as string] as Json;
  }
  const last = path[path.length - 1]!;
  if (node === null || typeof node !== 'object') return copy;
  if (value === undefined) delete (node as Record<string, Json>)[last as string];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A JSON value of any shape, from small to deeply nested. */
const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;

/** `template` with a few of its values replaced by any JSON or odd text, removed, or joined by polluting keys. */
export function mutated(template: Json, longestRun = 5000, keep: readonly string[] = []): fc.Arbitrary<Json> {
  const all = pathsOf(template);
  // Half the time the fields that every request needs stay intact, so the rest is fuzzed past the first check.
  const loose = all.filter((p) => p.length > 0 && !keep.includes(String(p[0])));
  const paths = loose.length ? [...all, ...loose] : all;
  const objectPaths = paths.filter((p) => {
    let node: Json = template;
    for (const k of p) node = (node as Record<string, Json>)[k as string] as Json;
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const replace = fc.tuple(fc.constantFrom(...paths), fc.oneof(anyJson, oddText(64, longestRun), fc.constant(undefined))).map(([path, value]) => (j: Json) => setAt(j, path, value));
  const pollute = fc
    .tuple(fc.constantFrom(...(objectPaths.length ? objectPaths : [[]])), fc.constantFrom(...POLLUTING_KEYS), anyJson)
    .map(([path, key, value]) => (j: Json) => setAt(j, [...path, key], value === null || typeof value !== 'object' ? { polluted: value } : value));
  return fc.array(fc.oneof({ weight: 4, arbitrary: replace }, { weight: 1, arbitrary: pollute }), { minLength: 1, maxLength: 3 }).map((steps) => steps.reduce((j, step) => step(j), template));
}

/** Text forms of a JSON value as clients get them wrong: UTF-16, a BOM, trailing garbage, cut short. */
function encodings(json: Json): fc.Arbitrary<Buffer> {
  const text = JSON.stringify(json);
  return fc.constantFrom(
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    Buffer.from(`${text}}`, 'utf8'),
    Buffer.from(text.slice(0, Math.floor(text.length / 2)), 'utf8'),
    Buffer.from(`${text}\n${text}`, 'utf8'),
  );
}

/**
 * Bodies: mostly the endpoint's `templates` mutated (so fuzz gets past the first check), and
 * any JSON, prototype-polluting objects, deep nesting, huge strings, raw bytes, forms, nothing.
 */
export function bodies(templates: readonly Json[] = [], options: { hugeBytes?: number; longestRun?: number; keep?: readonly string[] } = {}): fc.Arbitrary<Buffer> {
  const huge = options.hugeBytes ?? 600 * 1024;
  const longestRun = options.longestRun ?? 5000;
  const own = templates.length
    ? [
        { weight: 6, arbitrary: fc.constantFrom(...templates).chain((t) => mutated(t, longestRun, options.keep)).map((j) => Buffer.from(JSON.stringify(j), 'utf8')) },
        { weight: 2, arbitrary: fc.constantFrom(...templates).map((j) => Buffer.from(JSON.stringify(j), 'utf8')) },
        { weight: 1, arbitrary: fc.constantFrom(...templates).chain(encodings) },
      ]
    : [];
  return fc.oneof(
    ...own,
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
    { weight: 2, arbitrary: anyJson.map((j) => Buffer.from(JSON.stringify(j), 'utf8')) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s, 'utf8')) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...POLLUTING_KEYS), anyJson).map(([k, v]) => Buffer.from(`{"${k}":{"polluted":${JSON.stringify(v)}},"constructor":{"prototype":{"polluted":true}}}`, 'utf8')),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}'])).map(([depth, [open, close]]) => Buffer.from(open!.repeat(depth) + '1' + close!.repeat(depth), 'utf8')),
    },
    { weight: 1, arbitrary: fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 4096 }) }, { weight: 1, arbitrary: fc.integer({ min: 4096, max: huge }) }), fc.constantFrom('x', 'é', '💥', ' ')).map(([n, c]) => Buffer.from(`"${c.repeat(Math.ceil(n / Buffer.byteLength(c)))}"`, 'utf8')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')) },
    { weight: 1, arbitrary: fc.array(fc.tuple(oddText(16), oddText(32)), { maxLength: 4 }).map((pairs) => Buffer.from(pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&'))) },
  );
}

export const framing: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Framing>('length') },
  { weight: 1, arbitrary: fc.constant<Framing>('chunked') },
  { weight: 1, arbitrary: fc.constant<Framing>('none') },
  { weight: 1, arbitrary: fc.constant<Framing>('short') },
  { weight: 1, arbitrary: fc.constant<Framing>('long') },
);

/** Sometimes a raw byte the request line may not hold, to reach Node's parser's refusals too. */
const targetNoise = fc.oneof(
  { weight: 30, arbitrary: fc.constant((t: string) => t) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('é', '\u0001', '\u007f', '"', '<', '`', '{', '|', '\\', '^', '#'), fc.nat()).map(([c, i]) => (t: string) => t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1))) },
);

export interface RequestShape {
  method: fc.Arbitrary<string>;
  /** Path and query, already encoded. */
  target: fc.Arbitrary<string>;
  headers?: fc.Arbitrary<[string, string][]>;
  body?: fc.Arbitrary<Buffer>;
  upgrade?: boolean;
}

/** A whole request, printed readably when fast-check reports it. */
export function request(shape: RequestShape): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      method: shape.method,
      target: fc.tuple(shape.target, targetNoise).map(([t, noise]) => noise(t)),
      headers: shape.headers ?? headers(),
      body: shape.body ?? fc.constant(Buffer.alloc(0)),
      framing,
    })
    .map((r) => Object.assign({ ...r, ...(shape.upgrade ? { upgrade: true } : {}) }, { [fc.toStringMethod]: () => describe(r), toString: () => describe(r) }));
}

function describe(r: Omit<RawRequest, 'upgrade'>): string {
  const text = r.body.toString('utf8');
  const body = text.length > 400 ? `${JSON.stringify(text.slice(0, 400))}… (${r.body.length} bytes)` : JSON.stringify(text);
  const target = r.target.length > 300 ? `${r.target.slice(0, 300)}… (${r.target.length} chars)` : r.target;
  const hs = r.headers.map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 80)}… (${v.length} chars)` : v}`);
  return `${r.method} ${target} [${r.framing}] ${JSON.stringify(hs)} body ${body}`;
}
