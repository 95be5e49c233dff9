import { z } from 'zod';
import { DIMENSIONS } from '../../../domain/metrics/query.ts';
import { metricRegistry } from '../../../domain/metrics/registry.ts';
import { metricDimensions } from '../../../store/queries/metrics/dimensions.ts';
import type { RouteModule } from '../../app-types.ts';

const DefinitionSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  unit: z.enum(['count', 'money', 'ratio', 'minutes', 'days', 'months', 'points']),
  kind: z.enum(['count', 'sum', 'ratio', 'percentile', 'mean', 'median', 'derived']),
  formula: z.string(),
  counts: z.string(),
  additive: z.boolean(),
  indicator: z.enum(['leading', 'lagging']),
  focus: z.enum(['efficiency', 'effectiveness']),
  direction: z.enum(['higher', 'lower']),
  sources: z.array(z.string()),
  dimensions: z
    .array(z.enum(DIMENSIONS))
    .describe('the dimensions GET /api/metrics can group this metric by (besides rep, team and company)'),
});

/** GET /api/metrics/definitions: the registry, so clients label, format and explain values without copying it. */
const getMetricDefinitions: RouteModule = (app) => {
  app.get(
    '/api/metrics/definitions',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Every metric definition: formula, unit, leading/lagging, efficiency/effectiveness',
        response: { 200: z.object({ metrics: z.array(DefinitionSchema) }) },
      },
    },
    async () => ({
      metrics: metricRegistry.map((m) => ({
        id: m.id,
        label: m.label,
        description: m.description,
        unit: m.unit,
        kind: m.kind,
        formula: m.formula,
        counts: m.counts,
        additive: m.additive,
        indicator: m.indicator,
        focus: m.focus,
        direction: m.direction,
        sources: [...new Set(Object.values(m.parts).map((p) => p.source))],
        dimensions: metricDimensions(m),
      })),
    }),
  );
};
export default getMetricDefinitions;
