/**
 * The secrets and personal data the test suite uses, in one place: no log line the suite writes
 * may contain any of them (test/support/log-capture.ts checks every line after the run).
 * A fixture that adds a guest, a secret or a token adds it here; values drawn at run time are
 * registered with `markSensitive`, and the patterns catch signatures and tokens made on the fly.
 */

/** Guests of the fixtures and conversations: names, emails, phone numbers, compared without case. */
export const PERSONAL_DATA: readonly string[] = [
  'Camille Martin',
  'Alex Doe',
  'Alex Smith',
  'Alex Morgan',
  'camille@example.org',
  'camille@example.com',
  'camille.martin@exemple.fr',
  'alex@example.org',
  'alex@example.com',
  'john.smith@gmail.com',
  'someone@else.org',
  'guest@example.com',
  'jo@example.com',
  '+33612345678',
  '+33612345679',
  '+33600000000',
  '06 12 34 56 78',
  '0612345678',
  '+34612345678',
  '+447700900123',
  '+44 7700 900123',
  '+44 20 7946 0000',
  '+442079460000',
];

/** Keys, webhook secrets, link secrets and tokens written in the tests. */
export const SECRETS: readonly string[] = [
  'whsec_testsecretfortheMajordomesuite',
  'whsec_3f9a2c7e1b8d4f06a5c2e9b7',
  'whsec_abcdefgh12',
  'sk_test_fakefakefake',
  'sk_test_abcdefgh12',
  'a-link-secret-for-tests-only-0123456789',
  'link-secret-for-tests-0123456789abcdef',
  'staff-token-for-tests-0123456789abcdef',
  'ical-export-secret-for-tests-0123456789abcdef',
  'another-secret-entirely',
  'not-a-real-secret',
  // The demo units' export tokens: public, but still the secret part of a URL.
  '11CRR63iuzxRIHNeTDwd3bhyg3gD8pRY',
  'WL-kA7f9rL7JFZElL6BkejCPG_hQgqqV',
];

/** Shapes of secrets made while the tests run, and of the line restify writes with a whole response. */
export const SECRET_PATTERNS: readonly { label: string; pattern: RegExp }[] = [
  { label: 'Stripe signature', pattern: /\bv1=[0-9a-f]{64}\b/ },
  { label: 'HMAC-SHA256 signature header', pattern: /\bsha256=[0-9a-f]{64}\b/ },
  { label: 'Stripe secret key', pattern: /\b[sr]k_(?:test|live)_[A-Za-z0-9]{8,}/ },
  { label: 'Stripe webhook secret', pattern: /\bwhsec_[A-Za-z0-9]{8,}/ },
  { label: 'bearer credential', pattern: /\bBearer\s+[\w.~+/-]{8,}/i },
  { label: 'signed link', pattern: /[?&]sig=[\w-]{16,}/ },
  // Our Direct Line tokens: base64url of {"c":…} and a 43-character HMAC.
  { label: 'Direct Line token', pattern: /\beyJj[\w-]{16,}\.[\w-]{43}\b/ },
  { label: 'calendar export URL', pattern: /\/ical\/[^/\s"]+\/[^/\s"]+\/[\w-]{22,}\.ics/ },
  { label: 'response object handed to the log', pattern: /Discarded returned value from async handler/ },
];
