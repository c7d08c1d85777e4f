import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's CPU priority (Linux): when cores are scarce, the scheduler then
 * serves the main thread, which answers guests, before a feed parse that can wait. Linux
 * threads have their own nice value, reached through the thread id `/proc/thread-self` names.
 * Elsewhere, or if refused, the thread keeps its priority: correctness never depends on it.
 */
export function lowerThreadPriority(nice = 10): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
