import { createMemoryStore } from '../../../../adapters/store/memory';
import { runStoreContract } from '../../../contract/store-contract';

runStoreContract('memory', async () => createMemoryStore());
