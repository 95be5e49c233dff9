import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import * as demo from './demo.ts';
import * as forecast from './forecast.ts';
import * as importCommand from './import.ts';
import * as plan from './plan.ts';
import * as report from './report.ts';
import * as funnel from './funnel.ts';
import * as wins from './wins.ts';
import * as serve from './serve.ts';
import * as settings from './settings.ts';
import * as tokens from './tokens.ts';
import * as users from './users.ts';
import * as alerts from './alerts.ts';
import * as backup from './backup.ts';
import * as restore from './restore.ts';
import * as cadence from './cadence.ts';
import * as goals from './goals.ts';
import * as leaderboard from './leaderboard.ts';
import * as reps from './reps.ts';
import * as events from './events.ts';
import * as scoring from './scoring.ts';
import * as route from './route.ts';
import * as devPlans from './dev-plans.ts';
import * as hiring from './hiring.ts';
import * as pipeline from './pipeline.ts';
import * as commissions from './commissions.ts';
import * as rates from './rates.ts';
// After any `reps` command file: it adds `diagnose` to an existing `reps` command.
import * as repsDiagnose from './reps-diagnose.ts';
// Adds `what-if` to the `commissions` command (creating it when its own file is not registered yet).
import * as commissionsWhatIf from './commissions-what-if.ts';
import * as commissionsSplit from './commissions-split.ts';
// Adds `integrity` to the `activities` command (creating it when no other file registered it).
import * as activitiesIntegrity from './activities-integrity.ts';

/**
 * Every command module; each exports register(program, ctx). Add one line per new command file.
 *
 * All of them are imported on every run (commander needs every registration for --help), so a command module
 * imports statically only what registering it needs: commander's types, the constants its help text shows,
 * src/errors.ts, pure src/domain code and src/cli's formatting helpers. Its action loads the store, queries,
 * the server, the importer and npm packages with import() when it runs. test/cli-startup.test.ts checks it.
 */
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
  wins,
  forecast,
  plan,
  goals,
  cadence,
  leaderboard,
  reps,
  events,
  scoring,
  alerts,
  backup,
  restore,
  route,
  devPlans,
  hiring,
  commissions,
  pipeline,
  rates,
  // Last: adds `reps diagnose` to the `reps` command if another file registered it.
  repsDiagnose,
  commissionsWhatIf,
  commissionsSplit,
  activitiesIntegrity,
];
