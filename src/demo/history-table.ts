import type { ForecastCategory } from '../store/schema.ts';
import { Column, isoInstant, Vocabulary } from './columnar.ts';

/** An opportunity_history row as written, keyed by HISTORY_COLUMNS (for the INSERT path and tests). */
export interface HistoryRow {
  opportunity_id: number;
  changed_at: Date;
  stage_id: number;
  amount_minor: number;
  expected_close_date: string;
  forecast_category: string;
  owner_id: number;
  changed_by: number;
}

/**
 * The demo's opportunity history held column-wise (dates and categories interned, about 36 bytes a row instead
 * of an object with a Date, about 130): 320,000 rows at the 200-rep size, held to the end.
 */
export class HistoryTable {
  private readonly dates = new Vocabulary();
  private readonly categories = new Vocabulary();
  private readonly opportunity = new Column((n) => new Int32Array(n));
  private readonly changed = new Column((n) => new Float64Array(n));
  private readonly stage = new Column((n) => new Int32Array(n));
  private readonly amount = new Column((n) => new Float64Array(n));
  private readonly expected = new Column((n) => new Uint16Array(n));
  private readonly category = new Column((n) => new Uint16Array(n));
  private readonly owner = new Column((n) => new Int32Array(n));
  private readonly changedBy = new Column((n) => new Int32Array(n));

  get length(): number {
    return this.opportunity.length;
  }

  add(h: {
    opportunityId: number;
    changedAt: number;
    stageId: number;
    amountMinor: number;
    expectedCloseDate: string;
    forecastCategory: ForecastCategory;
    ownerId: number;
    changedBy: number;
  }): void {
    this.opportunity.push(h.opportunityId);
    this.changed.push(h.changedAt);
    this.stage.push(h.stageId);
    this.amount.push(h.amountMinor);
    this.expected.push(this.dates.code(h.expectedCloseDate));
    this.category.push(this.categories.code(h.forecastCategory));
    this.owner.push(h.ownerId);
    this.changedBy.push(h.changedBy);
  }

  /** Rewrites every amount (issue 19: the demo's dollars into the locale's currency). */
  scaleAmounts(f: (minor: number) => number): void {
    for (let i = 0; i < this.length; i += 1) this.amount.data[i] = f(this.amount.data[i] as number);
  }

  /** The rows as COPY text lines in HISTORY_COLUMNS order: exactly what copyLine writes for rows(). */
  *copyLines(): Generator<string> {
    const dates = this.dates.copyFields();
    const categories = this.categories.copyFields();
    for (let i = 0; i < this.length; i += 1) {
      yield `${this.opportunity.data[i]}\t${isoInstant(this.changed.data[i] as number)}\t${this.stage.data[i]}\t${
        this.amount.data[i]
      }\t${dates[this.expected.data[i] as number]}\t${categories[this.category.data[i] as number]}\t${
        this.owner.data[i]
      }\t${this.changedBy.data[i]}\n`;
    }
  }

  /** The rows to write, each a fresh object. */
  *rows(): Generator<HistoryRow> {
    for (let i = 0; i < this.length; i += 1) {
      yield {
        opportunity_id: this.opportunity.data[i] as number,
        changed_at: new Date(this.changed.data[i] as number),
        stage_id: this.stage.data[i] as number,
        amount_minor: this.amount.data[i] as number,
        expected_close_date: this.dates.words[this.expected.data[i] as number] as string,
        forecast_category: this.categories.words[this.category.data[i] as number] as string,
        owner_id: this.owner.data[i] as number,
        changed_by: this.changedBy.data[i] as number,
      };
    }
  }
}
