import type { Response } from 'restify';

/** Every refusal names a stable code and the reasons, so an API caller can fix the request. */
export function sendProblem(res: Response, status: number, code: string, reasons: string[]): void {
  res.send(status, { error: code, reasons });
}
