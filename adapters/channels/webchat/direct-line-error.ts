import type { Response } from 'restify';

/** Direct Line's own error body, which its clients read: `{ error: { code, message } }`. */
export interface DirectLineProblem {
  status: number;
  code: string;
  message: string;
}

export function problem(status: number, code: string, message: string): DirectLineProblem {
  return { status, code, message };
}

export function sendDirectLineError(res: Response, p: DirectLineProblem): void {
  res.send(p.status, { error: { code: p.code, message: p.message } });
}

export function isProblem(value: unknown): value is DirectLineProblem {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'message' in value;
}
