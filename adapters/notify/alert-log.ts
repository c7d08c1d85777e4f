/** The part of a logger (pino's) the notifiers use, so adapters need not know bot/'s logger. */
export interface AlertLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
