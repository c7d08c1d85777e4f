import { runStoreContract } from '../../../contract/store-contract';
import { makeTestRedisStore } from '../../../support/redis-store';

runStoreContract('redis', async () => makeTestRedisStore('contract'));
