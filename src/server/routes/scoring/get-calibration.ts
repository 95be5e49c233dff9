import { z } from 'zod';
import { calibrationFor } from '../../../store/queries/scoring/calibration.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { IdField, LocalDateField } from '../../input-schemas.ts';
import { CalibrationReportSchema } from './calibration-schema.ts';

const CalibrationQuery = z.object({
  from: LocalDateField.optional(),
  to: LocalDateField.optional(),
  threshold: z.coerce.number().int().min(-100_000).max(100_000).optional(),
  bandWidth: z.coerce.number().int().min(1).max(1000).default(10),
  version: IdField.optional(),
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
      return calibrationFor(
        db,
        {
          from: q.from,
          to: q.to,
          threshold: q.threshold ?? null,
          bandWidth: q.bandWidth,
          version: q.version,
        },
        new Date(),
      );
    },
  );
};
export default getCalibration;
