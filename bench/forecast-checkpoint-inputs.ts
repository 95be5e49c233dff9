// Each input loader of the track record alone, at the checkpoints GET /api/forecast's track record computes
// (quarter, the last four, start / week 2 / mid: 12 instants) in one call: wall and Node CPU, min / median.
//
//   DATABASE_URL=postgres://... node bench/forecast-checkpoint-inputs.ts [runs] [name filter]
import { loadavg } from 'node:os';
import { parseConfig } from '../src/config.ts';
import { targetFromConfig } from '../src/cli/store-from-config.ts';
import { openDb } from '../src/store/db.ts';
import { getSettings } from '../src/store/tables/settings.ts';
import { pastPeriods } from '../src/store/queries/forecast/backtest.ts';
import { addDays, daysBetween } from '../src/domain/calendar/local-date.ts';
import { instantToLocal, localDateToInstant } from '../src/domain/calendar/zoned.ts';
import {
  stageDurationsBeforeMany,
  stageOutcomesBeforeMany,
} from '../src/store/queries/forecast/stage-outcomes.ts';
import { stageWinTimingMany } from '../src/store/queries/forecast/stage-win-timing.ts';
import { slipHistogramBeforeMany } from '../src/store/queries/forecast/close-slippage.ts';
import { cycleStatsBeforeMany } from '../src/store/queries/forecast/cycle-stats.ts';
import { openDealsAtMany } from '../src/store/queries/forecast/open-deals-at.ts';
import { createdDealsBeforeMany } from '../src/store/queries/forecast/created-deals.ts';
import { loadForecastInputsMany } from '../src/store/queries/forecast/load-inputs.ts';
import { measure } from './suite/measure.ts';
import { NOW } from './suite/workspace.ts';

const runs = Number(process.argv[2] ?? 5);
const only = process.argv[3];
const db = await openDb(targetFromConfig(parseConfig(process.env)));
try {
  const settings = await getSettings(db);
  const tz = settings.timeZone;
  const periods = pastPeriods(instantToLocal(NOW, tz).date, 'quarter', 4, settings);
  const points = periods.flatMap((p) => {
    const mid = Math.floor(daysBetween(p.start, p.end) / 2 / 7) * 7;
    return [0, 7, mid].map((d) => ({ period: p, asOf: localDateToInstant(addDays(p.start, d), tz) }));
  });
  const ats = points.map((p) => p.asOf);
  const loaders: [string, () => Promise<unknown>][] = [
    ['stage outcomes', () => stageOutcomesBeforeMany(db, ats)],
    ['stage durations (stage age)', () => stageDurationsBeforeMany(db, ats)],
    ['stage win timing', () => stageWinTimingMany(db, ats)],
    ['close slippage', () => slipHistogramBeforeMany(db, ats, tz)],
    ['cycle stats', () => cycleStatsBeforeMany(db, ats)],
    ['open deals (past pipeline)', () => openDealsAtMany(db, ats, NOW, tz)],
    [
      'created deals',
      () =>
        createdDealsBeforeMany(
          db,
          ats.map((at) => ({ from: new Date(at.getTime() - 600 * 86_400_000), at })),
          tz,
        ),
    ],
    [
      'all inputs (loadForecastInputsMany)',
      () => loadForecastInputsMany(db, { now: NOW, timeZone: tz }, points),
    ],
  ];
  console.log(
    `${ats.length} checkpoints; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const [name, load] of loaders) {
    if (only && !name.includes(only)) continue;
    await load();
    const u0 = process.cpuUsage();
    const t = await measure.time(load, { runs });
    const u = process.cpuUsage(u0);
    console.log(
      `${name.padEnd(38)} min ${String(t.min).padStart(7)} ms  median ${String(t.median).padStart(7)} ms  node CPU ${((u.user + u.system) / 1000 / t.runs).toFixed(0).padStart(5)} ms`,
    );
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await db.destroy();
}
