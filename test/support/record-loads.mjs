// Preloaded with `node --import` by test/cli-startup.test.ts: records the URL of every module the process loads
// (ES modules and require() alike) and writes them, one a line, to the file named by RECORD_LOADS_FILE at exit.
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';

const loaded = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  if (process.env.RECORD_LOADS_FILE) writeFileSync(process.env.RECORD_LOADS_FILE, loaded.join('\n') + '\n');
});
