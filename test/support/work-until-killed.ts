// Child process for test/store/killed-writes.test.ts: opens the store the environment names (like the CLI) and
// starts one unit of work in its own transaction — `refresh` (the derived-column refresh of every person) or
// `sla` (the SLA/webhook job through the job runner) — does its first part or all of its writes, prints
// "written" and waits inside the open transaction to be killed with SIGKILL.
import { parseConfig } from '../../src/config.ts';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { slaCheckJob } from '../../src/jobs/definitions/sla-check.ts';
import { runJobOnce } from '../../src/jobs/runner.ts';
import { refreshNewProspectFlags } from '../../src/store/derived/first-touch.ts';

const forever = () => new Promise((wake) => setTimeout(wake, 2 ** 31 - 1));
const db = await openConfiguredStore(parseConfig(process.env));
const mode = process.argv[2];
if (mode === 'refresh') {
  await db.transaction().execute(async (tx) => {
    // The first of refreshDerived's steps, over everyone: the new-prospect flags are rewritten.
    await refreshNewProspectFlags(tx, null);
    console.log('written');
    await forever();
  });
} else if (mode === 'sla') {
  await runJobOnce(
    db,
    {
      ...slaCheckJob,
      run: async (tx, now) => {
        const summary = await slaCheckJob.run(tx, now);
        console.log('written');
        await forever();
        return summary;
      },
    },
    new Date(),
  );
} else {
  throw new Error(`unknown mode ${String(mode)}`);
}
