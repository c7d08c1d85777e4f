import type { Guest } from '../../../domain/guests/guest';
import type { GuestRepository } from '../../../domain/ports';

export class MemoryGuests implements GuestRepository {
  private readonly byId = new Map<string, Guest>();
  private readonly byIdentity = new Map<string, string>();

  private key(...parts: string[]): string {
    return parts.join('\u0000');
  }

  async saveGuest(guest: Guest): Promise<void> {
    const previous = this.byId.get(this.key(guest.propertyId, guest.id));
    for (const identity of previous?.identities ?? []) {
      this.byIdentity.delete(this.key(guest.propertyId, identity.channel, identity.channelUserId));
    }
    this.byId.set(this.key(guest.propertyId, guest.id), structuredClone(guest));
    for (const identity of guest.identities) {
      this.byIdentity.set(this.key(guest.propertyId, identity.channel, identity.channelUserId), guest.id);
    }
  }

  async getGuest(propertyId: string, guestId: string): Promise<Guest | null> {
    const found = this.byId.get(this.key(propertyId, guestId));
    return found ? structuredClone(found) : null;
  }

  async findGuestByIdentity(propertyId: string, channel: string, channelUserId: string): Promise<Guest | null> {
    const id = this.byIdentity.get(this.key(propertyId, channel, channelUserId));
    return id === undefined ? null : this.getGuest(propertyId, id);
  }
}
