import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { countArg, idArg, optionalCount } from '../int-options.ts';

/** Reads and checks a rule-set JSON file (the body of PUT /api/scoring/rules), reporting every problem. */
async function readRuleSetFile(file: string) {
  const { readFileSync } = await import('node:fs');
  const { RuleSetDraftSchema } = await import('../../server/routes/scoring/schemas.ts');
  const { validateRuleSet } = await import('../../domain/scoring/validate-rule-set.ts');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('validation', `${file} is not JSON`, [{ file, reason: String(err) }]);
  }
  const parsed = RuleSetDraftSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      'validation',
      `${file}: the rule set is invalid`,
      parsed.error.issues.map((i) => ({ file, field: i.path.join('.'), reason: i.message })),
    );
  const errors = validateRuleSet(parsed.data);
  if (errors.length > 0)
    throw new AppError(
      'validation',
      `${file}: the rule set is invalid`,
      errors.map((e) => ({ ...e, file })),
    );
  return parsed.data;
}

/** `pacesetter scoring rules|score|rescore|preview`: lead scoring rules, scores with why, re-scoring. */
export function register(program: Command, ctx: CliContext): void {
  const scoring = program.command('scoring').description('Lead scoring: rules, scores and re-scoring');

  scoring
    .command('rules')
    .description(
      'Show the active rule set, or save a new version from a JSON file (--set) and queue a re-score',
    )
    .option('--set <file>', 'rule set JSON, as PUT /api/scoring/rules takes it')
    .option('--json', 'print JSON')
    .action(async (opts: { set?: string; json?: boolean }) => {
      const draft = opts.set ? await readRuleSetFile(opts.set) : null;
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { getActiveRuleSet, saveRuleSet } = await import('../../store/tables/scoring-rule-sets.ts');
      const { enqueueRescore } = await import('../../store/tables/scoring-rescores.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        if (draft) {
          const saved = await db.transaction().execute(async (tx) => {
            const rs = await saveRuleSet(tx, draft, null);
            const rescore = await enqueueRescore(tx, rs.version, null);
            return { rs, rescore };
          });
          console.log(
            `Saved rules version ${saved.rs.version}; re-score ${saved.rescore.id} queued (the server runs it, or: pacesetter scoring rescore)`,
          );
          return;
        }
        const rs = await getActiveRuleSet(db);
        if (opts.json) {
          console.log(JSON.stringify(rs, null, 2));
          return;
        }
        console.log(
          `Rules version ${rs.version}: MQL at ${rs.mqlThreshold}, SQL at ${rs.sqlThreshold}${rs.demoRequestQualifies ? ', a demo request qualifies at once' : ''}`,
        );
        for (const r of rs.rules) {
          const pts = `${r.points > 0 ? '+' : ''}${r.points}`.padStart(5);
          const extra =
            r.type === 'fit'
              ? `fit ${JSON.stringify(r.condition)}`
              : `on ${r.eventType}${r.urlPattern ? ` ${r.urlPattern}` : ''}${r.cap === null ? '' : `, cap ${r.cap}`}${r.windowDays === null ? '' : `, last ${r.windowDays} days`}${r.halfLifeDays === null ? '' : `, half-life ${r.halfLifeDays} days`}`;
          console.log(`${pts}  ${r.id.padEnd(18)} ${r.label} (${extra})`);
        }
      } finally {
        await db.destroy();
      }
    });

  scoring
    .command('score <leadId>')
    .description("A lead's score with why (every rule that fired and its points)")
    .option('--json', 'print JSON')
    .action(async (leadIdText: string, opts: { json?: boolean }) => {
      const leadId = idArg(leadIdText, '<leadId>');
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { getLeadScore } = await import('../../store/tables/lead-scores.ts');
      const { explainLead } = await import('../../store/queries/scoring/explain-lead.ts');
      const { getActiveRuleSet } = await import('../../store/tables/scoring-rule-sets.ts');
      const { leadStatusChanges } = await import('../../store/tables/lead-status-changes.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const stored = await getLeadScore(db, leadId);
        const rs = stored ? null : await getActiveRuleSet(db);
        const live = rs ? await explainLead(db, leadId, rs, new Date()) : null;
        if (!stored && !live)
          throw new AppError('not_found', `No lead ${leadId}`, [
            { field: '<leadId>', value: leadIdText, reason: 'no such lead' },
          ]);
        const s = stored ?? {
          ...live!,
          leadId,
          ruleSetVersion: rs!.version,
          computedAt: new Date(),
          stored: false,
        };
        const changes = await leadStatusChanges(db, leadId);
        if (opts.json) {
          console.log(JSON.stringify({ ...s, statusChanges: changes }, null, 2));
          return;
        }
        console.log(
          `Lead ${leadId}: score ${s.score} (fit ${s.fit}, engagement ${s.engagement}), rules v${s.ruleSetVersion}, ${stored ? `computed ${s.computedAt.toISOString()}` : 'not stored yet, evaluated now'}`,
        );
        for (const h of s.why)
          console.log(
            `  ${`${h.points > 0 ? '+' : ''}${h.points}`.padStart(5)}  ${h.label}${h.type === 'engagement' ? ` (${h.events} event${h.events === 1 ? '' : 's'}${h.capped ? ', capped' : ''})` : ''}`,
          );
        if (s.demoRequested) console.log('  demo requested');
        for (const c of changes)
          console.log(
            `  ${c.at.toISOString()}  ${c.from} -> ${c.to} at score ${c.score} (rules v${c.ruleSetVersion}, ${c.reason})`,
          );
      } finally {
        await db.destroy();
      }
    });

  scoring
    .command('rescore')
    .description(
      'Re-score every open lead with the active rules now, with progress (also runs a queued re-score)',
    )
    .action(async () => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { enqueueRescore } = await import('../../store/tables/scoring-rescores.ts');
      const { getActiveRuleSet } = await import('../../store/tables/scoring-rule-sets.ts');
      const { rescoreStep } = await import('../../store/queries/scoring/rescore-step.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const rs = await getActiveRuleSet(db);
        const queued = await enqueueRescore(db, rs.version, null);
        const started = Date.now();
        for (;;) {
          const r = await db.transaction().execute((tx) => rescoreStep(tx, () => new Date(), 1_000));
          if (r === null) break;
          console.log(
            `re-score ${r.id}: ${r.leadsDone}/${r.leadsTotal ?? '?'} open leads, ${r.promoted} promoted (${r.status})`,
          );
          if (r.status === 'done' && r.id >= queued.id) break;
        }
        console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s with rules v${rs.version}.`);
      } finally {
        await db.destroy();
      }
    });

  scoring
    .command('preview <file>')
    .description(
      'How many open leads a proposed rule set (JSON file) would move across the thresholds; saves nothing',
    )
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const draft = await readRuleSetFile(file);
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { getActiveRuleSet } = await import('../../store/tables/scoring-rule-sets.ts');
      const { previewRuleSet } = await import('../../store/queries/scoring/preview.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const active = await getActiveRuleSet(db);
        const p = await previewRuleSet(db, active, { ...draft, version: 0 }, new Date());
        if (opts.json) {
          console.log(JSON.stringify(p, null, 2));
          return;
        }
        console.log(`${p.openLeads} open leads   below  mql  sql`);
        console.log(
          `now (v${active.version})`.padEnd(18) +
            `${p.current.below}`.padStart(7) +
            `${p.current.mql}`.padStart(5) +
            `${p.current.sql}`.padStart(5),
        );
        console.log(
          'proposed'.padEnd(18) +
            `${p.proposed.below}`.padStart(7) +
            `${p.proposed.mql}`.padStart(5) +
            `${p.proposed.sql}`.padStart(5),
        );
        for (const m of p.moves) console.log(`  ${m.leads} would move ${m.from} -> ${m.to}`);
        console.log(`Saving it would promote ${p.wouldPromote} lead(s).`);
      } finally {
        await db.destroy();
      }
    });

  scoring
    .command('calibrate')
    .description(
      'How past leads converted by score band, what the thresholds (and --threshold) would have passed, and a fitted model beside the points',
    )
    .option('--from <date>', 'leads created from this workspace date (default: 12 months before --to)')
    .option('--to <date>', 'leads created up to this workspace date, included (default: 90 days ago)')
    .option('--threshold <n>', 'a proposed threshold to try')
    .option('--band-width <n>', 'points per score band', '10')
    .option('--rule-version <n>', 'a saved rule-set version (default: the active one)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        from?: string;
        to?: string;
        threshold?: string;
        bandWidth: string;
        ruleVersion?: string;
        json?: boolean;
      }) => {
        const { isLocalDate } = await import('../../domain/calendar/local-date.ts');
        for (const field of ['from', 'to'] as const) {
          const v = opts[field];
          if (v !== undefined && !isLocalDate(v))
            throw new AppError('validation', `--${field} must be a date YYYY-MM-DD`, [{ field, reason: v }]);
        }
        const threshold = opts.threshold === undefined ? null : Number(opts.threshold);
        if (threshold !== null && !Number.isInteger(threshold))
          throw new AppError('validation', '--threshold must be a whole number', [
            { field: 'threshold', reason: String(opts.threshold) },
          ]);
        const bandWidth = countArg(opts.bandWidth, '--band-width');
        const version = optionalCount(opts.ruleVersion, '--rule-version');
        const { openConfiguredStore } = await import('../store-from-config.ts');
        const { calibrationFor } = await import('../../store/queries/scoring/calibration.ts');
        const db = await openConfiguredStore(ctx.config());
        try {
          const r = await calibrationFor(
            db,
            { from: opts.from, to: opts.to, threshold, bandWidth, version },
            new Date(),
          );
          if (opts.json) {
            console.log(JSON.stringify(r, null, 2));
            return;
          }
          const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
          const { textTable } = await import('../text-table.ts');
          console.log(
            `${r.leads} leads created ${r.from} to ${r.to}, rule version ${r.ruleSetVersion}, scored as each stood when decided\n`,
          );
          console.log(
            textTable(
              ['score', 'leads', 'to opportunity', 'won'],
              r.bands.map((b) => [
                b.from === null ? `< ${b.to}` : b.to === null ? `>= ${b.from}` : `${b.from}-${b.to - 1}`,
                b.leads,
                pct(b.opportunityRate),
                pct(b.winRate),
              ]),
            ),
          );
          const rows = [
            ['MQL', r.thresholds.mql] as const,
            ['SQL', r.thresholds.sql] as const,
            ...(r.thresholds.proposed ? [['proposed', r.thresholds.proposed] as const] : []),
          ];
          console.log(
            '\n' +
              textTable(
                ['threshold', 'passed', 'wins caught (recall)', 'passed that won (precision)'],
                rows.map(([name, e]) => [
                  `${name} >= ${e.threshold}`,
                  e.passed,
                  pct(e.recall),
                  pct(e.precision),
                ]),
              ),
          );
          if (!r.model) {
            console.log('\nToo few past leads (or one outcome only) to fit a model.');
            return;
          }
          const auc = (x: number | null) => (x === null ? '-' : x.toFixed(3));
          console.log(
            `\nHold-out of ${r.model.heldOut} leads: AUC of the points ${auc(r.model.rulesAuc)}, of the fitted model ${auc(r.model.modelAuc)}\n`,
          );
          console.log(
            textTable(
              ['rule', 'points', 'history implies', 'log-odds weight'],
              r.model.rules.map((x) => [x.label, x.points, x.impliedPoints, x.weight.toFixed(3)]),
            ),
          );
        } finally {
          await db.destroy();
        }
      },
    );
}
