import { isDeepStrictEqual } from 'node:util';
import type { BusinessCalendar } from '../domain/calendar/business-time.ts';
import { publicHolidays } from '../domain/calendar/holidays.ts';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import { DEFAULT_STAGES } from '../store/tables/pipelines.ts';
import type { GenerateInput } from './generate.ts';
import { DEMO_LOCALE_SPECS } from './locales.ts';
import { DEMO_WORKSPACE, demoStartDate, type DemoOptions } from './options.ts';
import type { StageIds } from './sim/context.ts';

/** The years of holidays the generator's calendar holds: the opening customer base reaches back two years. */
export function demoCalendarYears(options: DemoOptions): { fromYear: number; toYear: number } {
  return {
    fromYear: Number(demoStartDate(options).slice(0, 4)) - 3,
    toYear: Number(options.until.slice(0, 4)) + 1,
  };
}

/** The default pipeline's stage ids, given each stage's id by name. */
export function stageIdsByName(pipelineId: number, id: (name: string) => number): StageIds {
  return {
    pipelineId,
    open: [id('Discovery'), id('Qualified'), id('Demo'), id('Trial'), id('Final negotiation')],
    won: id('Won'),
    lost: id('Lost'),
  };
}

/**
 * The generator's input as a new store (or one emptied by `demo --reset`, which restarts every identity) will
 * give it, computed without the store: the locale's settings over the defaults, its country's holidays and no
 * custom ones, the default pipeline created as pipeline 1 with stages 1..7 in DEFAULT_STAGES order. It lets the
 * 200-rep demo be generated before the store is opened (see pregenerate.ts); loadDemo compares it with the input
 * it reads from the store and generates again when they differ, so a wrong guess costs time, never data.
 */
export function newStoreDemoInput(options: DemoOptions, passwordHash: string): GenerateInput {
  const locale = DEMO_LOCALE_SPECS[options.locale ?? 'en'];
  const { fromYear, toYear } = demoCalendarYears(options);
  // Sorted by date, as resolveHolidays returns them: the Set keeps that order through the structured clone.
  const holidays = publicHolidays(locale.holidayCountry, null, fromYear, toYear)
    .map((h) => h.date)
    .sort();
  const cal: BusinessCalendar = {
    timeZone: locale.timeZone,
    workingDays: [...locale.workingDays].sort((a, b) => a - b),
    workStartMinute: DEMO_WORKSPACE.workStartMinute,
    workEndMinute: DEMO_WORKSPACE.workEndMinute,
    holidays: new Set(holidays),
  };
  const stageId = new Map<string, number>(DEFAULT_STAGES.map((s, i) => [s.name, i + 1]));
  return {
    options,
    cal,
    stages: stageIdsByName(1, (name) => stageId.get(name) as number),
    currency: locale.currency,
    fiscalYearStartMonth: DEMO_WORKSPACE.fiscalYearStartMonth,
    leadSla: {
      minutes: DEFAULT_SETTINGS.leadSlaMinutes,
      sameBusinessDay: DEFAULT_SETTINGS.leadSlaSameBusinessDay,
    },
    passwordHash,
  };
}

/** Whether two inputs generate the same dataset: equal field by field, holidays in the same order. */
export function sameDemoInput(a: GenerateInput, b: GenerateInput): boolean {
  return isDeepStrictEqual(a, b) && isDeepStrictEqual([...a.cal.holidays], [...b.cal.holidays]);
}
