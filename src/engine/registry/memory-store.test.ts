import { createMemoryModelStore } from './memory-store.js';
import { runModelStoreContract } from './model-store.contract.js';

runModelStoreContract('memory', {
  create: async (now) => createMemoryModelStore({ now }),
  createWithQuota: async (quotaBytes) => createMemoryModelStore({ quotaBytes }),
});
