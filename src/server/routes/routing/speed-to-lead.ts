import { z } from 'zod';
import { speedToLead } from '../../../store/queries/routing/speed-to-lead.ts';
import type { RouteModule } from '../../app-types.ts';
import { ReportRangeQuery, SpeedToLeadRowSchema } from './schemas.ts';

/**
 * GET /api/routing/speed-to-lead: conversion to opportunity and to won by response-time bucket for the leads
 * created in the range, for the company, per rep (row-level: own / subtree / all) or per lead source.
 */
const speedToLeadRoute: RouteModule = (app, { db, reportDb }) => {
  app.get(
    '/api/routing/speed-to-lead',
    {
      schema: {
        tags: ['routing'],
        summary: 'Conversion by response-time bucket',
        querystring: ReportRangeQuery.extend({ by: z.enum(['company', 'rep', 'source']).optional() }),
        response: { 200: z.object({ rows: z.array(SpeedToLeadRowSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        rows: await speedToLead(reportDb ?? db, request.viewer, {
          from: q.from,
          to: q.to,
          by: q.by ?? 'company',
        }),
      };
    },
  );
};
export default speedToLeadRoute;
