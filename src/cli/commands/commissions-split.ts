import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { withStore } from '../with-store.ts';
import { userIdByEmail } from '../user-id-by-email.ts';
import { idArg } from '../int-options.ts';

/**
 * A share as typed on the command line, `email=percent` with at most two decimals (`ana@x.com=33.34`), in basis
 * points. Parsed from the text, not through a float, so 33.34 is exactly 3334.
 */
export function parseShare(text: string, index: number): { email: string; shareBp: number } {
  const m = /^(.+)=(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) {
    throw new AppError('validation', `--share ${text}: expected email=percent, e.g. ana@example.com=60`, [
      { field: `--share[${index}]`, value: text, reason: 'expected email=percent with at most two decimals' },
    ]);
  }
  return { email: m[1]!, shareBp: Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0')) };
}

/**
 * `pacesetter commissions split <deal id> [--share email=pct ...] [--clear] [--json]`: shows or replaces a deal's
 * split credit (docs/commissions.md, "Crediting"), through the same store function and checks as
 * PUT /api/opportunities/:id/splits. Shares must sum to 100%; --clear gives the owner the whole deal again.
 */
export function register(program: Command, ctx: CliContext): void {
  const cmd =
    program.commands.find((c) => c.name() === 'commissions') ??
    program.command('commissions').description('Commission plans, statements, payroll export and disputes');
  cmd
    .command('split')
    .description("Show or set a deal's split credit between people (shares in percent, summing to 100)")
    .argument('<deal>', 'deal (opportunity) id')
    .option(
      '--share <email=percent...>',
      'a person and their share, e.g. --share ana@x.com=60 --share bo@x.com=40',
    )
    .option('--clear', 'remove the split: the owner is credited with the whole deal')
    .option('--json', 'print JSON only')
    .action(async (deal: string, opts: { share?: string[]; clear?: boolean; json?: boolean }) => {
      const opportunityId = idArg(deal, '<deal>');
      if (opts.clear && opts.share) {
        throw new AppError('validation', '--clear and --share exclude each other', [
          { field: '--clear', reason: 'give either --share or --clear' },
        ]);
      }
      const shares = (opts.share ?? []).map((s, i) => parseShare(s, i));
      const { getSplits, setSplits } = await import('../../store/queries/commissions/splits.ts');
      const result = await withStore(ctx, async (db) => {
        if (!opts.clear && shares.length === 0) return getSplits(db, SYSTEM_VIEWER, opportunityId);
        const splits = [];
        for (const [i, s] of shares.entries()) {
          splits.push({ userId: await userIdByEmail(db, s.email, `--share[${i}]`), shareBp: s.shareBp });
        }
        return setSplits(db, SYSTEM_VIEWER, opportunityId, splits);
      });
      if (!result) {
        throw new AppError('not_found', `Opportunity ${opportunityId} not found`, [
          { field: 'deal', value: deal, reason: 'no such opportunity' },
        ]);
      }
      if (opts.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      if (result.splits.length === 0) {
        console.log(`Deal ${opportunityId}: not split; the owner is credited with all of it.`);
        return;
      }
      console.log(`Deal ${opportunityId} is split:`);
      for (const s of result.splits) console.log(`  ${s.userName}: ${(s.shareBp / 100).toFixed(2)}%`);
    });
}
