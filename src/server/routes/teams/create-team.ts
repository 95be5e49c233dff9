import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { getTeam, insertTeam } from '../../../store/tables/teams.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { assertTeamRefs, rethrowDuplicateExternalId } from './checks.ts';
import { TeamFields, TeamSchema } from './schemas.ts';

const Body = TeamFields.partial({ managerId: true, parentTeamId: true, externalId: true });

/** POST /api/teams: an admin adds a team, optionally with a manager and a parent team (audited). */
const createTeam: RouteModule = (app, { db }) => {
  app.post(
    '/api/teams',
    {
      schema: {
        tags: ['teams'],
        summary: 'Create a team (admins)',
        body: Body,
        response: { 201: TeamSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const b = request.body;
      await assertTeamRefs(db, null, b);
      try {
        const team = await db.transaction().execute(async (tx) => {
          const id = await insertTeam(tx, {
            name: b.name,
            managerId: b.managerId ?? null,
            parentTeamId: b.parentTeamId ?? null,
            externalId: b.externalId ?? null,
          });
          const t = await getTeam(tx, SYSTEM_VIEWER, id);
          if (!t) throw new Error('team vanished inside the transaction');
          await recordAudit(tx, viewer, { action: 'create', entity: 'team', entityId: id, after: t });
          return t;
        });
        reply.status(201);
        return team;
      } catch (err) {
        rethrowDuplicateExternalId(err, b.externalId);
      }
    },
  );
};
export default createTeam;
