import type { StaffNotifier, PaymentGateway } from '../domain/ports';
import type { UseCaseDeps } from '../domain/usecases/deps';
import type { UnderstandOptions, Understanding } from './understanding/types';

/** Ids only: guest text and contact details never reach the logs. */
export interface DialogLog {
  info(data: Record<string, unknown>, message: string): void;
  warn(data: Record<string, unknown>, message: string): void;
}

/** Everything the conversations need from outside, injected so tests run them on real use cases. */
export interface ConversationServices {
  deps: UseCaseDeps;
  notifier: StaffNotifier;
  payments: PaymentGateway;
  understand: (text: string, options: UnderstandOptions) => Understanding;
  log: DialogLog;
}
