import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/**
 * A throw-away PostgreSQL primary and a streaming replica made with pg_basebackup, on 127.0.0.1 and free ports,
 * for tests of DATABASE_READ_URL. Built from the server binaries on this machine; `findPgBin` returns null
 * when they are absent, and the caller skips.
 */
export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  stop: () => void;
}

/** The directory holding initdb, pg_ctl and pg_basebackup, or null. */
export function findPgBin(): string | null {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [fromConfig.status === 0 ? fromConfig.stdout.trim() : ''];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort().reverse()) candidates.push(join(debian, v, 'bin'));
  }
  return (
    candidates.find((d) => d && ['initdb', 'pg_ctl', 'pg_basebackup'].every((t) => existsSync(join(d, t)))) ??
    null
  );
}

/** PostgreSQL refuses to run as root: under root the tools run as the `postgres` system user. */
function runner(bin: string): (tool: string, args: string[]) => void {
  const asRoot = process.getuid?.() === 0;
  return (tool, args) => {
    const cmd = asRoot ? 'runuser' : join(bin, tool);
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(cmd, full, { stdio: 'pipe', timeout: 120_000 });
  };
}

/** Starts a primary (fsync off: test data) and a hot-standby replica streaming from it. */
export async function startReplicaCluster(bin: string): Promise<ReplicaCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pacesetter-replica-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = runner(bin);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const common = `-c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c shared_buffers=32MB`;
  const started: string[] = [];
  const stop = () => {
    for (const d of started.reverse()) {
      try {
        run('pg_ctl', ['-D', d, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already down: nothing to stop.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primary, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    run('pg_ctl', [
      '-D',
      primary,
      '-o',
      `-p ${primaryPort} ${common} -c wal_level=replica -c max_wal_senders=4`,
      '-l',
      join(dir, 'primary.log'),
      '-w',
      'start',
    ]);
    started.push(primary);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
    ]);
    run('pg_ctl', [
      '-D',
      replica,
      '-o',
      `-p ${replicaPort} ${common} -c hot_standby=on`,
      '-l',
      join(dir, 'replica.log'),
      '-w',
      'start',
    ]);
    started.push(replica);
  } catch (err) {
    stop();
    throw err;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    stop,
  };
}
