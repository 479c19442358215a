import { storageContract } from './contract';
import { MemoryStorage } from './memory-storage';

storageContract('MemoryStorage', async () => ({ storage: new MemoryStorage() }));
