import type { Config } from '../config.ts';
import type { Db } from '../store/db.ts';

/** Shared by every command: lazy config (so --help works with a bad environment) and start-up hooks. */
export interface CliContext {
  config: () => Config;
  /** Run by `serve` after migrating, before listening (demo seeding, first admin creation, schedulers). */
  beforeServe: Array<(db: Db, opts: { demoIfEmpty: boolean }) => Promise<void>>;
}
