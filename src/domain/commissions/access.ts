import type { Viewer } from '../access/viewer.ts';

/*
 * Who may read a commission statement (docs/commissions.md, "Who sees what"). Pay is the most private number in
 * the store; every rule starts from "no" and a refusal is a 404, so statement ids reveal nothing.
 *
 * | viewer   | own statement         | people below them | anyone else |
 * |----------|-----------------------|-------------------|-------------|
 * | admin    | any status            | any status        | any status  |
 * | manager  | locked or paid        | any status        | 404         |
 * | rep      | locked or paid        | -                 | 404         |
 *
 * Lines, disputes, the PDF, the payroll CSV and the deal estimate follow the same rule.
 */

export interface StatementOwner {
  userId: number;
  status: 'draft' | 'locked' | 'paid';
}

/** Whether the viewer may read a statement of `userId` in `status`. */
export function mayReadStatement(viewer: Viewer, s: StatementOwner): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.userId !== null && s.userId === viewer.userId) return s.status !== 'draft';
  if (viewer.role !== 'manager' || viewer.visibleUserIds === null) return false;
  return viewer.visibleUserIds.includes(s.userId);
}

/** Only admins run, lock, pay, resolve disputes, edit plans, assign and export payroll. */
export function mayAdministerCommissions(viewer: Viewer): boolean {
  return viewer.role === 'admin';
}
