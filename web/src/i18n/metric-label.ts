import { en, type MessageKey } from './en.ts';
import { t } from './t.ts';

/**
 * A metric's name in the reader's language: the catalogue's `metricLabel.<id>` when the metric is one the
 * catalogues name (every built-in metric), else the API's (the admin's own words for a custom metric).
 */
export function metricLabel(definition: { id: string; label: string }): string {
  const key = `metricLabel.${definition.id}`;
  return key in en ? t(key as MessageKey) : definition.label;
}

/** A metric's description in the reader's language, as metricLabel: `metricDescription.<id>`, else the API's. */
export function metricDescription(definition: { id: string; description: string }): string {
  const key = `metricDescription.${definition.id}`;
  return key in en ? t(key as MessageKey) : definition.description;
}

/** The name of the metric with this id when its definition is known (metricLabel), else the bare id. */
export function metricName(definition: { id: string; label: string } | undefined, id: string): string {
  return definition ? metricLabel(definition) : id;
}
