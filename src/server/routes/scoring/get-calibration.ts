import { z } from 'zod';
import { addDays, addMonths } from '../../../domain/calendar/local-date.ts';
import { instantToLocal, localDateToInstant } from '../../../domain/calendar/zoned.ts';
import { AppError } from '../../../errors.ts';
import { loadCalibration } from '../../../store/queries/scoring/calibration.ts';
import { listRuleSets } from '../../../store/tables/scoring-rule-sets.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { LocalDateField } from '../../input-schemas.ts';
import { CalibrationReportSchema } from './calibration-schema.ts';

/** Leads younger than this at the as-of have had too little time to convert; the default range ends before it. */
const MATURITY_DAYS = 90;

const CalibrationQuery = z.object({
  from: LocalDateField.optional(),
  to: LocalDateField.optional(),
  threshold: z.coerce.number().int().min(-100_000).max(100_000).optional(),
  bandWidth: z.coerce.number().int().min(1).max(1000).default(10),
  version: z.coerce.number().int().positive().optional(),
});

/**
 * GET /api/scoring/calibration: how past leads converted by score band, what the MQL/SQL thresholds (and a
 * proposed one) would have passed, and a fitted model beside the points (managers and admins; aggregates over
 * all leads, naming no lead or rep). Leads created from `from` to `to` (workspace dates, both included; default:
 * the 12 months ending 90 days ago, so most leads have had time to convert), scored by the active rule set or a
 * saved `version`.
 */
const getCalibration: RouteModule = (app, { db }) => {
  app.get(
    '/api/scoring/calibration',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Lead score calibration: conversion by score band, threshold precision/recall, fitted model',
        querystring: CalibrationQuery,
        response: { 200: CalibrationReportSchema },
      },
    },
    async (request) => {
      requireRole(request, 'manager');
      const q = request.query;
      const settings = await getSettings(db);
      const zone = settings.timeZone;
      const now = new Date();
      const to = q.to ?? addDays(instantToLocal(now, zone).date, -MATURITY_DAYS);
      const from = q.from ?? addMonths(addDays(to, 1), -12);
      if (from > to)
        throw new AppError('validation', 'from is after to', [{ field: 'from', reason: 'after to' }]);
      const versions = await listRuleSets(db);
      const rs =
        q.version === undefined
          ? versions.find((v) => v.active)
          : versions.find((v) => v.version === q.version);
      if (!rs) throw new AppError('not_found', `No scoring rule set version ${q.version ?? '(active)'}`);
      return loadCalibration(db, rs, {
        from: localDateToInstant(from, zone),
        to: localDateToInstant(addDays(to, 1), zone),
        asOf: now,
        proposedThreshold: q.threshold ?? null,
        bandWidth: q.bandWidth,
      });
    },
  );
};
export default getCalibration;
