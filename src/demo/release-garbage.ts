import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

/**
 * A full garbage collection now, for the demo load's few points where a large part of the JS heap has just become
 * garbage (the generator's working data, the rows of tables already written). On PGlite the load's peak RSS is
 * this process's: V8 left alone lets the heap grow with the COPY's line strings and keeps the generator's garbage
 * until it needs the room, so the store's WebAssembly heap grows on top of it. A collection costs a few hundred
 * ms at the 200-rep size; `gc` is exposed for this process once, the way `node --expose-gc` would.
 */
export function releaseGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
