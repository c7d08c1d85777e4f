/** One part of the shared state, and whether it answers. */
export interface ReadinessCheck {
  name: string;
  ok: boolean;
  /** Why not, for the operator: a connection state or an error message, never a secret. */
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
}

/** Runs a check with a deadline: a hung connection counts as down, and readiness answers in time. */
export async function checkWithin(name: string, ms: number, probe: () => Promise<void>): Promise<ReadinessCheck> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ReadinessCheck>((resolve) => {
    timer = setTimeout(() => resolve({ name, ok: false, reason: `no answer within ${ms} ms` }), ms);
  });
  const run = probe().then(
    (): ReadinessCheck => ({ name, ok: true }),
    (error: unknown): ReadinessCheck => ({ name, ok: false, reason: error instanceof Error ? error.message : String(error) }),
  );
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function readinessOf(checks: ReadinessCheck[]): Readiness {
  return { ready: checks.every((c) => c.ok), checks };
}
