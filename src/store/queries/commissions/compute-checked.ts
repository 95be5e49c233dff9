import { computeStatement } from '../../../domain/commissions/compute-statement.ts';
import { AmountRangeError } from '../../../domain/commissions/money.ts';
import type { StatementInput, StatementResult } from '../../../domain/commissions/types.ts';
import { AppError } from '../../../errors.ts';

/**
 * computeStatement for the store: a statement whose amounts pass 2^53 - 1 minor units (a plan of huge bonuses
 * or SPIFs, huge accepted disputes) is a 409 naming the person and period, not a 500 that stops everyone's run.
 */
export function computeStatementChecked(input: StatementInput): StatementResult {
  try {
    return computeStatement(input);
  } catch (e) {
    if (!(e instanceof AmountRangeError)) throw e;
    throw new AppError(
      'conflict',
      `The ${input.periodKey} statement of user ${input.userId} is too large to compute exactly`,
      [
        {
          field: 'period',
          value: input.periodKey,
          reason: `user ${input.userId}: ${e.message}; check their plan's amounts and accepted disputes`,
        },
      ],
    );
  }
}
