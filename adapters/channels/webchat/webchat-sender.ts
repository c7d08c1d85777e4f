import type { Activity } from 'botbuilder';
import type { GuestAddress } from '../../../domain/guests/guest-address';
import type { DirectLineService } from './direct-line-service';

/** Proactive messages for web chat go straight into the conversation's log; the guest reads them on return. */
export class WebchatSender {
  constructor(private readonly service: DirectLineService) {}

  send(address: GuestAddress, activities: Partial<Activity>[]): Promise<void> {
    return this.service.tellLater(address.conversationId, activities);
  }
}
