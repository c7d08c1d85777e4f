import type { Locale } from '../catalog/locales';
import type { Guest } from '../guests/guest';
import type { UseCaseDeps } from './deps';

export interface GuestDetails {
  propertyId: string;
  channel: string;
  channelUserId: string;
  locale: Locale;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** The guest behind a channel identity, created on first contact and kept up to date. */
export async function upsertGuest(deps: UseCaseDeps, details: GuestDetails): Promise<Guest> {
  const now = deps.clock.now().toISOString();
  const existing = await deps.store.findGuestByIdentity(details.propertyId, details.channel, details.channelUserId);
  const guest: Guest = existing
    ? {
        ...existing,
        name: details.name ?? existing.name,
        email: details.email ?? existing.email,
        phone: details.phone ?? existing.phone,
        locale: details.locale,
        updatedAt: now,
      }
    : {
        id: deps.ids.id(),
        propertyId: details.propertyId,
        name: details.name ?? null,
        email: details.email ?? null,
        phone: details.phone ?? null,
        locale: details.locale,
        identities: [{ channel: details.channel, channelUserId: details.channelUserId }],
        consent: null,
        createdAt: now,
        updatedAt: now,
      };
  await deps.store.saveGuest(guest);
  return guest;
}
