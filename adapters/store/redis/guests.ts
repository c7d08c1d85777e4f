import type { Guest } from '../../../domain/guests/guest';
import type { GuestRepository } from '../../../domain/ports';
import { baseOf, type RedisContext } from './context';
import { identityField } from './keys';
import { parseGuest, UnexpectedReply } from './replies';

/** Guests as JSON per property, with an identity index `<channel>:<channelUserId>` → guestId. */
export class RedisGuests implements GuestRepository {
  constructor(private readonly ctx: RedisContext) {}

  async saveGuest(guest: Guest): Promise<void> {
    const fields = [...new Set(guest.identities.map((i) => identityField(i.channel, i.channelUserId)))];
    await this.ctx.scripts.saveGuest(baseOf(this.ctx, guest.propertyId), guest.id, JSON.stringify(guest), ...fields);
  }

  async getGuest(propertyId: string, guestId: string): Promise<Guest | null> {
    const json = await this.ctx.redis.get(`${baseOf(this.ctx, propertyId)}g:${guestId}`);
    return json === null ? null : parseGuest(json);
  }

  async findGuestByIdentity(propertyId: string, channel: string, channelUserId: string): Promise<Guest | null> {
    const json = await this.ctx.scripts.findGuestByIdentity(baseOf(this.ctx, propertyId), identityField(channel, channelUserId));
    if (json === null) return null;
    if (typeof json !== 'string') throw new UnexpectedReply('findGuestByIdentity', json);
    return parseGuest(json);
  }
}
