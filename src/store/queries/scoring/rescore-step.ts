import { sql } from 'kysely';
import type { DbOrTx } from '../../derived/people.ts';
import { getActiveRuleSet } from '../../tables/scoring-rule-sets.ts';
import { toRescore, type Rescore } from '../../tables/scoring-rescores.ts';
import { countOpenLeads, nextOpenBatch, scoreLeads } from './score-leads.ts';

/** Open leads scored per statement pair; small enough that a batch commits within a second or two. */
export const RESCORE_BATCH = 10_000;

/**
 * Works on the oldest unfinished re-score inside the caller's transaction, batch after batch of open leads (by
 * id), until it is done or `budgetMs` has passed; the cursor and progress are written with the scores, so they
 * commit together and a crash repeats at most the uncommitted batches (scoring is idempotent). Older unfinished
 * re-scores are marked superseded: the newest covers them, since every batch scores with the active rule set.
 * Returns the re-score as left, or null when nothing was queued. Row lock: FOR UPDATE SKIP LOCKED, so two
 * processes never work the same re-score at once even outside the job runner's advisory lock.
 */
export async function rescoreStep(
  tx: DbOrTx,
  now: () => Date,
  budgetMs: number,
  batch = RESCORE_BATCH,
): Promise<Rescore | null> {
  const open = await sql<{ id: number }>`
    select id from scoring_rescores where status in ('pending', 'running')
    order by id desc limit 1 for update skip locked`.execute(tx);
  const id = open.rows[0]?.id;
  if (id === undefined) return null;
  await sql`update scoring_rescores set status = 'superseded', finished_at = ${now().toISOString()}::timestamptz
    where status in ('pending', 'running') and id < ${id}`.execute(tx);
  const started = Date.now();
  const rs = await getActiveRuleSet(tx);
  let row = await tx
    .selectFrom('scoring_rescores')
    .selectAll()
    .where('id', '=', Number(id))
    .executeTakeFirstOrThrow();
  if (row.status === 'pending') {
    row = await tx
      .updateTable('scoring_rescores')
      .set({ status: 'running', started_at: now(), leads_total: await countOpenLeads(tx) })
      .where('id', '=', Number(id))
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  let after = Number(row.after_lead_id);
  let done = Number(row.leads_done);
  let promoted = Number(row.promoted);
  for (;;) {
    const through = await nextOpenBatch(tx, after, batch);
    if (through === null) {
      row = await tx
        .updateTable('scoring_rescores')
        .set({ status: 'done', finished_at: now(), leads_done: done, promoted, after_lead_id: after })
        .where('id', '=', Number(id))
        .returningAll()
        .executeTakeFirstOrThrow();
      break;
    }
    const out = await scoreLeads(tx, rs, now(), { openAfterId: after, throughId: through });
    after = through;
    done += out.scored;
    promoted += out.promoted;
    if (Date.now() - started >= budgetMs) {
      row = await tx
        .updateTable('scoring_rescores')
        .set({ leads_done: done, promoted, after_lead_id: after })
        .where('id', '=', Number(id))
        .returningAll()
        .executeTakeFirstOrThrow();
      break;
    }
  }
  return toRescore(row);
}
