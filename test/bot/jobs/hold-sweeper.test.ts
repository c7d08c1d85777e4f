import { startHoldSweeper } from '../../../bot/jobs/hold-sweeper';
import { createLogger } from '../../../bot/logger';
import type { GuestMessenger, GuestNotice } from '../../../domain/ports';
import { placeHold } from '../../../domain/usecases/place-hold';
import { CHATEAU, world } from '../../dialogs/harness';

class RecordingMessenger implements GuestMessenger {
  readonly told: GuestNotice[] = [];
  async tell(notice: GuestNotice) {
    this.told.push(notice);
    return 'sent' as const;
  }
}

/** Waits for a pass of the 1-second sweep; a sweep that never does it fails here, by name. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!done()) throw new Error('the sweeper never got there');
}

describe('the hold sweeper', () => {
  it('expires a lapsed unpaid hold, frees its nights and tells the guest', async () => {
    const w = await world('2026-11-21T10:00:00Z');
    const address = { channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1', conversationId: 'c-sweep', userId: 'u', botId: 'b', locale: 'fr' as const };
    const held = await placeHold(w.deps, {
      propertyId: CHATEAU,
      unitTypeId: 'suite-de-la-tour',
      ratePlanId: 'flexible',
      stay: { checkIn: '2026-12-12', checkOut: '2026-12-15' },
      party: { adults: 2, children: 0 },
      channel: 'direct',
      source: 'emulator',
      address,
      requestId: 'r-sweep',
      guestId: null,
      actor: 'guest',
    });
    if (!held.ok) throw new Error(`hold refused: ${held.code}`);
    const messenger = new RecordingMessenger();
    const stepSaw: { propertyId: string; ids: string[] }[] = [];
    const step = async (propertyId: string, bookings: readonly { id: string }[]) => {
      stepSaw.push({ propertyId, ids: bookings.map((b) => b.id) });
    };
    const stop = startHoldSweeper(w.deps, messenger, createLogger('silent'), 1, [step]);
    try {
      w.deps.clock.advanceMinutes(21);
      await until(() => messenger.told.length > 0 && stepSaw.some((s) => s.propertyId === CHATEAU));
    } finally {
      stop();
    }
    expect(messenger.told).toEqual([{ kind: 'hold_expired', booking: expect.objectContaining({ id: held.value.id, state: 'expired', address }) }]);
    // Later steps of the pass (closing lapsed checkouts) get the bookings the sweep read.
    expect(stepSaw.find((s) => s.propertyId === CHATEAU)?.ids).toEqual([held.value.id]);
    const nights = await w.deps.store.readUnitNights(CHATEAU, [held.value.unitId], ['2026-12-12'], w.deps.clock.now().getTime());
    expect(nights[held.value.unitId]?.[0]?.owner).toBeNull();
  });
});
