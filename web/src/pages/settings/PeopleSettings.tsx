import { useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { getTeams, getUsers } from '../../api/people.ts';
import type { Team, User } from '../../api/types/people.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';

const ROLES = ['rep', 'manager', 'admin'] as const;

/** Users (role, team, active) and teams (name, manager), created and changed by an admin. */
export function PeopleSettings() {
  const state = useApi(async (signal) => {
    const [users, teams] = await Promise.all([getUsers(signal), getTeams(signal)]);
    return { users, teams };
  }, []);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [newUser, setNewUser] = useState({
    name: '',
    email: '',
    role: 'rep' as User['role'],
    teamId: '',
    password: '',
  });
  const [newTeam, setNewTeam] = useState({ name: '', managerId: '' });

  async function patchUser(
    user: User,
    change: Partial<Pick<User, 'role' | 'teamId' | 'active' | 'salesRole'>>,
  ) {
    if (await runSave(setSave, () => request('PATCH', `/api/users/${user.id}`, { body: change })))
      state.reload();
  }
  async function addUser(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: newUser.name,
      email: newUser.email,
      role: newUser.role,
      teamId: newUser.teamId ? Number(newUser.teamId) : null,
      ...(newUser.password ? { password: newUser.password } : {}),
    };
    if (await runSave(setSave, () => request('POST', '/api/users', { body }))) {
      setNewUser({ name: '', email: '', role: 'rep', teamId: '', password: '' });
      state.reload();
    }
  }
  async function addTeam(event: FormEvent) {
    event.preventDefault();
    const body = { name: newTeam.name, managerId: newTeam.managerId ? Number(newTeam.managerId) : null };
    if (await runSave(setSave, () => request('POST', '/api/teams', { body }))) {
      setNewTeam({ name: '', managerId: '' });
      state.reload();
    }
  }
  const teamOptions = (teams: Team[]) => [
    <option key="" value="">
      {t('people.noTeam')}
    </option>,
    ...teams.map((team) => (
      <option key={team.id} value={team.id}>
        {team.name}
      </option>
    )),
  ];

  return (
    <Async state={state}>
      {({ users, teams }) => (
        <>
          <SaveStatus state={save} />
          <Panel title={t('people.users')}>
            <DataTable
              caption={t('people.users')}
              rows={users}
              rowKey={(u) => u.id}
              columns={[
                { key: 'name', header: t('people.name'), cell: (u) => u.name },
                { key: 'email', header: t('people.email'), cell: (u) => u.email },
                {
                  key: 'role',
                  header: t('people.role'),
                  cell: (u) => (
                    <select
                      aria-label={t('people.roleOf', { name: u.name })}
                      value={u.role}
                      onChange={(e) => void patchUser(u, { role: e.target.value as User['role'] })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  ),
                },
                {
                  key: 'team',
                  header: t('people.team'),
                  cell: (u) => (
                    <select
                      aria-label={t('people.teamOf', { name: u.name })}
                      value={u.teamId ?? ''}
                      onChange={(e) =>
                        void patchUser(u, { teamId: e.target.value ? Number(e.target.value) : null })
                      }
                    >
                      {teamOptions(teams)}
                    </select>
                  ),
                },
                {
                  key: 'salesRole',
                  header: t('people.salesRole'),
                  cell: (u) => (
                    <input
                      aria-label={t('people.salesRoleOf', { name: u.name })}
                      defaultValue={u.salesRole ?? ''}
                      maxLength={60}
                      size={10}
                      onBlur={(e) => {
                        const value = e.target.value.trim() === '' ? null : e.target.value.trim();
                        if (value !== u.salesRole) void patchUser(u, { salesRole: value });
                      }}
                    />
                  ),
                },
                {
                  key: 'active',
                  header: t('people.active'),
                  cell: (u) => (
                    <input
                      type="checkbox"
                      aria-label={t('people.activeOf', { name: u.name })}
                      checked={u.active}
                      onChange={(e) => void patchUser(u, { active: e.target.checked })}
                    />
                  ),
                },
              ]}
            />
            <h3>{t('people.addUser')}</h3>
            <form className="form-grid" onSubmit={(e) => void addUser(e)}>
              <label>
                {t('people.name')}
                <input
                  required
                  value={newUser.name}
                  onChange={(e) => setNewUser({ ...newUser, name: e.target.value })}
                />
              </label>
              <label>
                {t('people.email')}
                <input
                  required
                  type="email"
                  value={newUser.email}
                  onChange={(e) => setNewUser({ ...newUser, email: e.target.value })}
                />
              </label>
              <label>
                {t('people.role')}
                <select
                  value={newUser.role}
                  onChange={(e) => setNewUser({ ...newUser, role: e.target.value as User['role'] })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('people.team')}
                <select
                  value={newUser.teamId}
                  onChange={(e) => setNewUser({ ...newUser, teamId: e.target.value })}
                >
                  {teamOptions(teams)}
                </select>
              </label>
              <label>
                {t('people.password')}
                <input
                  type="password"
                  minLength={10}
                  autoComplete="new-password"
                  value={newUser.password}
                  onChange={(e) => setNewUser({ ...newUser, password: e.target.value })}
                />
              </label>
              <button type="submit">{t('people.addUser')}</button>
            </form>
          </Panel>
          <Panel title={t('people.teams')}>
            <DataTable
              caption={t('people.teams')}
              rows={teams}
              rowKey={(team) => team.id}
              columns={[
                { key: 'name', header: t('people.name'), cell: (team) => team.name },
                {
                  key: 'manager',
                  header: t('role.manager'),
                  cell: (team) => users.find((u) => u.id === team.managerId)?.name ?? '–',
                },
                {
                  key: 'members',
                  header: t('people.members'),
                  numeric: true,
                  cell: (team) => team.memberCount,
                },
              ]}
            />
            <h3>{t('people.addTeam')}</h3>
            <form className="form-grid" onSubmit={(e) => void addTeam(e)}>
              <label>
                {t('people.name')}
                <input
                  required
                  value={newTeam.name}
                  onChange={(e) => setNewTeam({ ...newTeam, name: e.target.value })}
                />
              </label>
              <label>
                {t('role.manager')}
                <select
                  value={newTeam.managerId}
                  onChange={(e) => setNewTeam({ ...newTeam, managerId: e.target.value })}
                >
                  <option value="">{t('people.noManager')}</option>
                  {users
                    .filter((u) => u.role !== 'rep')
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </select>
              </label>
              <button type="submit">{t('people.addTeam')}</button>
            </form>
          </Panel>
        </>
      )}
    </Async>
  );
}
