// Worker-thread entry: worker threads do not inherit the parent's tsx loader, so this plain-JS
// bootstrap registers tsx in the worker before importing the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
