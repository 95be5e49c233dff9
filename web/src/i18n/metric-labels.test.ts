import { describe, expect, it } from 'vitest';
import { metricRegistry } from '../../../src/domain/metrics/registry.ts';
import { enMetricLabels } from './en-metric-labels.ts';
import { metricDescription, metricLabel } from './metric-label.ts';

const english: Record<string, string> = enMetricLabels;

/*
 * The registry is the one definition of a metric's English name and description; the catalogue repeats them only so
 * they can be translated. A registry metric without keys, or a catalogue text that drifted from the registry's, fails.
 */
describe('metric labels catalogue', () => {
  it('every registry metric has its label and description, word for word', () => {
    expect(metricRegistry.length).toBe(63);
    for (const m of metricRegistry) {
      expect(english[`metricLabel.${m.id}`], `metricLabel.${m.id}`).toBe(m.label);
      expect(english[`metricDescription.${m.id}`], `metricDescription.${m.id}`).toBe(m.description);
    }
  });

  it('keeps no key for a metric the registry no longer has', () => {
    const ids = new Set(metricRegistry.map((m) => m.id));
    const stale = Object.keys(english)
      .filter((k) => k.startsWith('metricLabel.') || k.startsWith('metricDescription.'))
      .map((k) => k.slice(k.indexOf('.') + 1))
      .filter((id) => !ids.has(id));
    expect(stale).toEqual([]);
    expect(Object.keys(english).length).toBe(2 * 63 + 1);
  });

  it('names a built-in metric from the catalogue and a custom one from the API', () => {
    expect(metricLabel({ id: 'win_rate', label: 'ignored' })).toBe('Win rate');
    expect(metricDescription({ id: 'win_rate', description: 'ignored' })).toBe(
      'Share of closed opportunities that were won.',
    );
    expect(metricLabel({ id: 'custom_x', label: 'My metric' })).toBe('My metric');
    expect(metricDescription({ id: 'custom_x', description: 'Mine' })).toBe('Mine');
  });
});
