// A Node worker thread's entry, in plain JavaScript so the thread starts without a TypeScript
// loader; it registers one for the module that simulates.
import { register } from 'tsx/esm/api';

register();
await import('./simulate-in-worker.ts');
