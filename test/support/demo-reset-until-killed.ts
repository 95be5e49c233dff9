// Child process for test/store/killed-demo-reset.test.ts: opens the store the environment names (like the CLI) and
// runs `demo --reset`; once half of the demo rows are written inside its transaction it prints "half written" and
// stops dead (the thread blocks), waiting for SIGKILL, so the kill always lands in the middle of the load.
import { writeSync } from 'node:fs';
import { parseConfig } from '../../src/config.ts';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { validateDemoOptions } from '../../src/demo/options.ts';

const db = await openConfiguredStore(parseConfig(process.env));
const options = validateDemoOptions({ seed: 9, until: '2026-06-30', reps: 3, months: 1 });
await loadDemo(db, options, {
  reset: true,
  onProgress: (written, total) => {
    if (written * 2 < total) return;
    writeSync(1, 'half written\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
writeSync(1, 'finished\n');
