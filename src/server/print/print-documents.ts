import type { Viewer } from '../../domain/access/viewer.ts';
import type { Db } from '../../store/db.ts';
import { mayReadStatementId } from '../../store/queries/commissions/statements-read.ts';
import { getUser } from '../../store/tables/users.ts';

/**
 * Every printable document: where its HTML print view lives in the web app and who may have it. The PDF is
 * always that view printed by Chromium (src/server/print/pdf-printer.ts), so a document is added here and as
 * a print route in the web app, never as a second renderer.
 */
export interface PrintDocument {
  /** The web app path of the print view for `id`. */
  webPath: (id: number) => string;
  /** Suggested file name (ASCII only: it goes into a header). */
  fileName: (id: number) => string;
  /** Whether the viewer may have the document for `id`; a false answer is a 404, so ids reveal nothing. */
  mayRead: (db: Db, viewer: Viewer, id: number) => Promise<boolean>;
}

export const PRINT_DOCUMENTS = {
  /** One page per rep for their one-to-one: KPIs vs benchmark, quadrant, funnel, goals, pipeline, plans. */
  'one-to-one': {
    webPath: (id) => `/print/one-to-one/${id}`,
    fileName: (id) => `one-to-one-${id}.pdf`,
    // getUser applies the access rules: a rep gets only themself, a manager their subtree, an admin all.
    mayRead: async (db, viewer, id) => (await getUser(db, viewer, id)) !== undefined,
  },
  /** One person's commission statement: lines, totals, attainment curve (docs/commissions.md). */
  'commission-statement': {
    webPath: (id) => `/print/commission-statement/${id}`,
    fileName: (id) => `commission-statement-${id}.pdf`,
    // The statement read rule: admins all; managers their people and their own once locked; reps own locked.
    mayRead: mayReadStatementId,
  },
} satisfies Record<string, PrintDocument>;

export type PrintDocumentKind = keyof typeof PRINT_DOCUMENTS;
export const PRINT_DOCUMENT_KINDS = Object.keys(PRINT_DOCUMENTS) as [
  PrintDocumentKind,
  ...PrintDocumentKind[],
];
