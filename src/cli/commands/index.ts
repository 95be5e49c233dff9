import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import * as demo from './demo.ts';
import * as forecast from './forecast.ts';
import * as importCommand from './import.ts';
import * as plan from './plan.ts';
import * as report from './report.ts';
import * as funnel from './funnel.ts';
import * as serve from './serve.ts';
import * as settings from './settings.ts';
import * as tokens from './tokens.ts';
import * as users from './users.ts';
import * as alerts from './alerts.ts';
import * as cadence from './cadence.ts';
import * as goals from './goals.ts';
import * as leaderboard from './leaderboard.ts';

/** Every command module; each exports register(program, ctx). Add one line per new command file. */
export const commands: Array<{ register: (program: Command, ctx: CliContext) => void }> = [
  serve,
  importCommand,
  settings,
  demo,
  // users adds the first-admin beforeServe hook; after demo's, so `serve --demo-if-empty` still sees an empty store.
  users,
  tokens,
  report,
  funnel,
  forecast,
  plan,
  goals,
  cadence,
  leaderboard,
  alerts,
];
