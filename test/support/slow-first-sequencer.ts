import { BaseSequencer, type TestSpecification } from 'vitest/node';

/*
 * Without a results cache (a fresh CI clone) vitest runs the largest files first. The slowest files are not the
 * largest: they spawn CLI processes, servers or PostgreSQL clusters, kill processes mid-write or load the demo,
 * so they started last and one of the two workers idled while the other finished them. Those kinds of test go
 * first here, slowest kinds first. Patterns name kinds of test rather than a list of measured durations, so a
 * new kill or CLI test is placed right without anyone refreshing a file. Files with cached results keep vitest's
 * own order (failed first, then longest first), which is measured and therefore better.
 */
const slowKinds: RegExp[] = [
  /\/test\/store\/backup-restore\.test\.ts$/,
  /\/test\/store\/killed-[^/]*\.test\.ts$/,
  /\/test\/metrics\/rollup-equality\.test\.ts$/,
  /\/test\/store\/upgrade\.test\.ts$/,
  /\/e2e\/[^/]*\.test\.ts$/,
  /\/test\/[^/]*\/?[^/]*cli[^/]*\.test\.ts$/,
  /\/test\/api\/fuzz-routes\.test\.ts$/,
  /\/test\/store\/(pglite-lock|two-servers|read-replica|pgbouncer|restore-swap|migration-lock)\.test\.ts$/,
  /\/test\/demo[^/]*\.test\.ts$/,
];

function slowRank(file: string): number {
  const i = slowKinds.findIndex((re) => re.test(file.replaceAll('\\', '/')));
  return i === -1 ? slowKinds.length : i;
}

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const cache = this.ctx.cache;
    const known = (f: TestSpecification) => cache.getTestSpecificationResult(f) !== undefined;
    const rank = (f: TestSpecification) => (known(f) ? slowKinds.length : slowRank(f.moduleId));
    // A worker of a project without isolation (vitest.config.ts) is kept for the next file only when the next
    // queued file is of the same project: within a rank, each such project's files come together, after the
    // isolated ones, instead of interleaved with them.
    const group = (f: TestSpecification) => (f.project.config.isolate ? '' : f.project.name);
    // Array.prototype.sort is stable: within a rank and group (and among cached files) the base order stays.
    return [...sorted].sort(
      (a, b) => rank(a) - rank(b) || (group(a) < group(b) ? -1 : group(a) > group(b) ? 1 : 0),
    );
  }
}
