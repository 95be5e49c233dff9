/**
 * The dashboard API with its stored answer, on an existing migrated PostgreSQL store (e.g. a copy of the 200-rep
 * workspace): `node bench/dashboard-api-load.ts <database url> [--servers=1|2] [--seconds=20]`. Starts
 * `pacesetter serve` on 127.0.0.1 (ports from --port=, 39600 by default: another bench on the machine may hold them), measures (bench/suite/dashboard-api.ts) and prints the figures as JSON. It
 * writes to the store (an empty UPDATE that moves the metrics data version; stored answers): never a shared one.
 */
import { loadavg } from 'node:os';
import { openDb } from '../src/store/db.ts';
import { benchDashboardApi } from './suite/dashboard-api.ts';
import { startServer, stopServer } from './suite/http-load.ts';

const url = process.argv[2];
if (!url) {
  console.error(
    'usage: node bench/dashboard-api-load.ts <database url> [--servers=N] [--seconds=S] [--port=P]',
  );
  process.exit(2);
}
const arg = (name: string, dflt: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt);
const servers = arg('servers', 1);
const seconds = arg('seconds', 20);
const port = arg('port', 39_600);

const db = await openDb({ kind: 'postgres', url });
const started = await Promise.all(Array.from({ length: servers }, (_, i) => startServer(url, port + i)));
try {
  const load0 = loadavg();
  const result = await benchDashboardApi(db, started, {
    runs: 3,
    seconds,
    connections: 50,
    log: (s) => console.log(s),
  });
  console.log(
    JSON.stringify({ servers, load_average_start: load0, load_average_end: loadavg(), ...result }, null, 2),
  );
} finally {
  await Promise.all(started.map(stopServer));
  await db.destroy();
}
