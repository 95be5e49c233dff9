import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The argument names an ICU message uses, plural and select selectors included (for the catalogue checks). */
export function messageArguments(message: string): Set<string> {
  return argumentsOf(parse(message, { ignoreTag: true }), new Set());
}

function argumentsOf(elements: MessageFormatElement[], into: Set<string>): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}
