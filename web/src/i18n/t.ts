import { en, type MessageKey } from './en.ts';

/** A message is either one string or plural forms chosen by Intl.PluralRules for `count`. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;

let messages: Record<MessageKey, Message> = en;
let pluralRules = new Intl.PluralRules('en');

/** Switches the message catalogue (roadmap 5 adds pl, he, ro); English is the only one today. */
export function setMessages(locale: string, catalogue: Record<MessageKey, Message>): void {
  messages = catalogue;
  pluralRules = new Intl.PluralRules(locale);
}

/**
 * Looks up a user-facing string and fills `{name}` placeholders. When `vars.count` is a number and the
 * message has plural forms, the form is picked by the locale's plural rules.
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const message = messages[key];
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = typeof vars.count === 'number' ? vars.count : 0;
    text = message[pluralRules.select(count)] ?? message.other ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}
