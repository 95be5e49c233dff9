import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from './en.ts';
import { t } from './t.ts';

/**
 * A message some of whose placeholders hold elements rather than text: user-written text inside a translated
 * sentence ("Resolution: {text}") goes in a <bdi>, so it keeps its own direction on a right-to-left page and is
 * marked as data, not interface. The message is still formatted whole, in the translator's word order, with
 * private-use markers where the elements go; the markers never reach the page.
 */
export function tNodes(
  key: MessageKey,
  vars: Record<string, string | number>,
  nodes: Record<string, ReactNode>,
): ReactNode[] {
  const names = Object.keys(nodes);
  const markers = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE001`]));
  const parts = t(key, { ...vars, ...markers }).split(/\uE000(\d+)\uE001/);
  return parts.map((part, i) =>
    i % 2 === 0 ? part : <Fragment key={i}>{nodes[names[Number(part)]!]}</Fragment>,
  );
}

/** Text a person wrote (a note, a comment, a dispute): isolated, in its own direction, never translated. */
export function UserText({ children }: { children: string }) {
  return <bdi className="user-text">{children}</bdi>;
}
