/**
 * Whether an error means the shared store could not be reached (Redis down, restarting, or not
 * answering in time), as opposed to a bug or bad data. Such a turn is not the guest's fault and
 * its state is intact in the store: say so and keep the state, rather than start the guest over.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError' || error.name === 'ClusterAllFailedError') return true;
  const code: unknown = Reflect.get(error, 'code');
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'CLUSTERDOWN', 'LOADING'].includes(code)) return true;
  const message = error.message;
  return (
    message === 'Command timed out' ||
    message === 'Connection is closed.' ||
    message.startsWith("Stream isn't writeable") ||
    message.startsWith('LOADING ') ||
    message.startsWith('CLUSTERDOWN') ||
    message.startsWith('MISCONF ')
  );
}
