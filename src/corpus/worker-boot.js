// Worker threads start without the CLI's TypeScript loader: register tsx here, then load the
// worker module (a .ts file) through it.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
