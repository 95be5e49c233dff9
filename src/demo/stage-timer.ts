/** One timed stage of a demo load: wall time, and this process's CPU time (PGlite's work included, as it runs in it). */
export interface DemoStage {
  name: string;
  ms: number;
  cpuMs: number;
}

/**
 * Times the stages of a demo load, for `pacesetter demo --verbose` and the benchmarks: where the write phase goes
 * (COPY per table, the rollups after it, the derived refresh). The CPU time is process.cpuUsage, so on PostgreSQL it
 * is the client's share only; the server's is in its own process.
 */
export class StageTimer {
  readonly stages: DemoStage[] = [];

  async time<T>(name: string, run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      return await run();
    } finally {
      const cpu = process.cpuUsage(cpu0);
      this.stages.push({ name, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  }
}
