import { useId } from 'react';
import { t } from '../i18n/t.ts';
import { RANGE_CHOICES, type RangeChoice } from '../period/ranges.ts';

/** A labelled select of the dashboard period. */
export function RangePicker({
  value,
  onChange,
}: {
  value: RangeChoice;
  onChange: (choice: RangeChoice) => void;
}) {
  const id = useId();
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('period.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as RangeChoice)}>
        {RANGE_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`period.${choice}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
