import type { Viewer } from '../../domain/access/viewer.ts';
import type { Db } from '../../store/db.ts';
import { mayReadStatementId } from '../../store/queries/commissions/statements-read.ts';
import { getUser } from '../../store/tables/users.ts';
import { mayReadMeetingPack } from '../../store/queries/meeting-pack/pack-subject.ts';
import { PACK_PERIOD } from '../../domain/meeting-pack/meeting-pack.ts';

/** A document id: a positive integer, or 'company' for documents that also exist company-wide. */
export type PrintId = number | 'company';

/** The print view's options beyond the id, already validated (only the documents that declare them get any). */
export interface PrintOptions {
  /** A period key ('2026-W47', '2026-11'), for documents whose `period` is set. */
  period?: string;
}

/**
 * Every printable document: where its HTML print view lives in the web app and who may have it. The PDF is
 * always that view printed by Chromium (src/server/print/pdf-printer.ts), so a document is added here and as
 * a print route in the web app, never as a second renderer.
 */
export interface PrintDocument {
  /** The web app path of the print view for `id` (and its options, as a query string). */
  webPath: (id: PrintId, options: PrintOptions) => string;
  /** Suggested file name (ASCII only: it goes into a header). */
  fileName: (id: PrintId, options: PrintOptions) => string;
  /** Whether the viewer may have the document for `id`; a false answer is a 404, so ids reveal nothing. */
  mayRead: (db: Db, viewer: Viewer, id: PrintId, options: PrintOptions) => Promise<boolean>;
  /** True when the id 'company' names a document (default: numeric ids only; 'company' is a 404). */
  companyWide?: boolean;
  /** The pattern of the optional `period` query the document takes (default: none; any is a 400). */
  period?: RegExp;
}

/** A numeric-only document: 'company' is no id of it. */
const numericOnly =
  (read: (db: Db, viewer: Viewer, id: number) => Promise<boolean>): PrintDocument['mayRead'] =>
  async (db, viewer, id) =>
    typeof id === 'number' && read(db, viewer, id);

export const PRINT_DOCUMENTS = {
  /** One page per rep for their one-to-one: KPIs vs benchmark, quadrant, funnel, goals, pipeline, plans. */
  'one-to-one': {
    webPath: (id) => `/print/one-to-one/${id}`,
    fileName: (id) => `one-to-one-${id}.pdf`,
    // getUser applies the access rules: a rep gets only themself, a manager their subtree, an admin all.
    mayRead: numericOnly(async (db, viewer, id) => (await getUser(db, viewer, id)) !== undefined),
  },
  /** One person's commission statement: lines, totals, attainment curve (docs/commissions.md). */
  'commission-statement': {
    webPath: (id) => `/print/commission-statement/${id}`,
    fileName: (id) => `commission-statement-${id}.pdf`,
    // The statement read rule: admins all; managers their people and their own once locked; reps own locked.
    mayRead: numericOnly(mayReadStatementId),
  },
  /**
   * The sales meeting pack of a team, or of the company (id 'company', admins), for a week or month
   * (docs/meeting-pack.md); without `period` the last complete week. Readable when GET /api/meeting-pack answers.
   */
  'meeting-pack': {
    webPath: (id, o) => `/print/meeting-pack/${id}${o.period ? `?period=${o.period}` : ''}`,
    fileName: (id, o) => `meeting-pack-${id}${o.period ? `-${o.period}` : ''}.pdf`,
    mayRead: mayReadMeetingPack,
    companyWide: true,
    period: PACK_PERIOD,
  },
} satisfies Record<string, PrintDocument>;

export type PrintDocumentKind = keyof typeof PRINT_DOCUMENTS;
export const PRINT_DOCUMENT_KINDS = Object.keys(PRINT_DOCUMENTS) as [
  PrintDocumentKind,
  ...PrintDocumentKind[],
];
