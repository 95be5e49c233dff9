import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './en.ts';

/**
 * A message is one ICU MessageFormat string (FormatJS intl-messageformat): `{name}` is a placeholder and
 * `{count, plural, one {...} few {...} other {...}}` picks a form by the locale's plural rules, so Polish gets
 * its few/many forms from its own catalogue without any code knowing about them. Tags (`<b>`) are plain text.
 */
export type Message = string;
/** A catalogue: every English key, in one language. */
export type Catalogue = Record<MessageKey, Message>;

let messages: Catalogue = en;
let locale = 'en';
/** Parsed messages of the current catalogue, by key: parsing is the costly part of formatting. */
let compiled = new Map<string, IntlMessageFormat>();

/** Switches the message catalogue and the locale whose plural rules and number formats messages use. */
export function setMessages(nextLocale: string, catalogue: Catalogue): void {
  messages = catalogue;
  locale = nextLocale;
  compiled = new Map();
}

/** The locale of the current catalogue ('en', 'pl', 'he', 'ro'). */
export function currentLocale(): string {
  return locale;
}

function compile(key: MessageKey): IntlMessageFormat {
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(messages[key] ?? en[key] ?? key, locale, undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  return format;
}

/**
 * Looks up a user-facing string and fills its placeholders. A placeholder without a value stays visible as
 * `{name}` (a missing value is a bug to see on the page, not a blank). Values are written as given: callers
 * format numbers, money and dates with the locale's formatters (web/src/format) first, so an id or a year is
 * never grouped ("2,026"); a plural argument still selects its form from the number the text holds.
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const format = compile(key);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) values[name] = String(value);
  try {
    return String(format.format(values));
  } catch {
    // A value is missing: fill what is there and leave the rest as written (plural forms need their count).
    return String(messages[key] ?? en[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars[name] === undefined ? whole : String(vars[name]),
    );
  }
}
