/** Expected outcomes are values, not exceptions: callers must look at `ok`. */
export type Ok<T> = { ok: true; value: T };
export type Err<C extends string, D = undefined> = { ok: false; code: C; detail?: D };
export type Result<T, C extends string, D = undefined> = Ok<T> | Err<C, D>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string, D = undefined>(code: C, detail?: D): Err<C, D> =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail };
