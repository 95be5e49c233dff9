import { type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * What commissions credit beyond the deal itself (issue 17, docs/commissions.md "Crediting").
 *
 * - opportunities.product: the product (or product line) a deal sells, free text as the CRM spells it; SPIFs pay
 *   per deal of a product, and reports group by it. Null: not recorded.
 * - opportunities.paid_on: the local date the deal's invoice was paid, imported from billing. A plan that credits
 *   "when paid" counts a won deal in the period of this date; a won deal without it is not yet credited there,
 *   and a paid date on a deal that is not won is ignored (a refunded deal may be reopened by the CRM).
 * - opportunity_splits: a deal credited to several people, each with a share in basis points (10000 = 100%).
 *   No rows: the owner has 100%. The shares of one deal must sum to 10000; the store checks that on every write
 *   (a deferred check would need a trigger per statement, and splits are only written through one function).
 * opportunities is already tracked by metrics_data_version (0023), so the new columns need no trigger; splits
 * are not read by the metrics engine.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table opportunities add column product text check (product is null or length(product) between 1 and 200);
    alter table opportunities add column paid_on date;

    create table opportunity_splits (
      opportunity_id bigint not null references opportunities(id) on delete cascade,
      user_id bigint not null references users(id) on delete restrict,
      share_bp integer not null check (share_bp between 1 and 10000),
      primary key (opportunity_id, user_id)
    );
    create index opportunity_splits_user on opportunity_splits (user_id);
    create index opportunities_product on opportunities (product) where product is not null;
    `,
  );
}
