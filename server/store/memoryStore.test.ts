import { openMemoryStore } from './memoryStore';
import { storeContract } from './store.contract';

storeContract('memory', openMemoryStore);
