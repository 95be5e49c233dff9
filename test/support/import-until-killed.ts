// Child process for test/import/abandoned-runs.test.ts: opens the store the environment names (like the CLI),
// starts an import of an endless CSV and, once at least two batches are written inside the import's transaction, prints
// "written" and waits to be killed with SIGKILL.
import { Readable } from 'node:stream';
import { parseConfig } from '../../src/config.ts';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runImport } from '../../src/import/run-import.ts';

const HEADER =
  'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on';
const BATCH = 500;

async function* endlessCsv(): AsyncGenerator<string> {
  yield HEADER + '\n';
  for (let i = 1; ; i++) {
    // The stream reads a few hundred rows ahead of the importer (object and 16 KB buffers), so being asked for
    // row 2,000 means the importer has passed row 1,500: its first two batches of 500 are written.
    if (i === 2000) {
      console.log('written');
      await new Promise((wake) => setTimeout(wake, 2 ** 31 - 1));
    }
    yield `${i},Deal ${i},Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,\n`;
  }
}

const db = await openConfiguredStore(parseConfig(process.env));
await runImport(db, SYSTEM_VIEWER, {
  fileName: 'endless.csv',
  input: Readable.from(endlessCsv()),
  createMissing: true,
  batchSize: BATCH,
});
