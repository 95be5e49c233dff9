import { describe, expect, it } from 'vitest';
import type { Viewer } from '../access/viewer.ts';
import { mayReadStatement } from './access.ts';

const admin: Viewer = { userId: 1, role: 'admin', visibleUserIds: null };
const manager: Viewer = { userId: 2, role: 'manager', visibleUserIds: [2, 3, 4] };
const rep: Viewer = { userId: 3, role: 'rep', visibleUserIds: [3] };

describe('mayReadStatement', () => {
  it('admins read everything', () => {
    expect(mayReadStatement(admin, { userId: 9, status: 'draft' })).toBe(true);
  });
  it('a rep reads only their own, only once locked', () => {
    expect(mayReadStatement(rep, { userId: 3, status: 'locked' })).toBe(true);
    expect(mayReadStatement(rep, { userId: 3, status: 'paid' })).toBe(true);
    expect(mayReadStatement(rep, { userId: 3, status: 'draft' })).toBe(false);
    expect(mayReadStatement(rep, { userId: 4, status: 'paid' })).toBe(false);
  });
  it('a manager reads people below them in any status and their own once locked', () => {
    expect(mayReadStatement(manager, { userId: 4, status: 'draft' })).toBe(true);
    expect(mayReadStatement(manager, { userId: 2, status: 'draft' })).toBe(false);
    expect(mayReadStatement(manager, { userId: 2, status: 'locked' })).toBe(true);
    expect(mayReadStatement(manager, { userId: 5, status: 'paid' })).toBe(false);
  });
  it('a system viewer without a user id that is not an admin reads nothing', () => {
    expect(
      mayReadStatement({ userId: null, role: 'rep', visibleUserIds: [] }, { userId: 3, status: 'paid' }),
    ).toBe(false);
  });
});
