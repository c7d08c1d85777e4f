import pino, { type Logger } from 'pino';

/**
 * Guest data is personal data: log booking, guest and conversation ids, never names, emails
 * or phone numbers. The redaction list is the safety net for a field that slips through.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'majordome' },
    redact: {
      paths: ['*.name', '*.email', '*.phone', '*.guest', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
