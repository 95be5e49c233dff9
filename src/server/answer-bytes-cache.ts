import type { AnswerForm } from './send-answer.ts';

/*
 * This process's copies of kept answers' bytes, by entity tag and form: an accelerator only, never the answer. The
 * database row decides on every request whether an answer holds (data version, viewer's scope, clock) and what its
 * tag is (stored-answer-lookup.ts); a copy is used only for the tag the row names, and the tag is a hash of the
 * answer's text, so a copy is the bytes of that row whatever process, store or version it came from. It saves the
 * row's 17-19 kB leaving PostgreSQL and, for a client taking no compression, unzipping 140 kB per request.
 */

/** Answers held (a dashboard's 140 kB plain, 19 kB gzip, 17 kB brotli each at most). */
const MAX_TAGS = 16;
/** Viewers' requests remembered with the tag they last resolved to. */
const MAX_ALIASES = 4096;

type Forms = Partial<Record<AnswerForm, Buffer>>;

export class AnswerBytesCache {
  private readonly byTag = new Map<string, Forms>();
  private readonly lastTag = new Map<string, string>();

  /** The tag `aliasKey` last resolved to, when its bytes in `form` are held: the row need not send them again. */
  heldTag(aliasKey: string, form: AnswerForm): string | null {
    const tag = this.lastTag.get(aliasKey);
    return tag !== undefined && this.byTag.get(tag)?.[form] !== undefined ? tag : null;
  }

  /** The held bytes of `tag` in `form`. */
  get(tag: string, form: AnswerForm): Buffer | null {
    const forms = this.byTag.get(tag);
    if (!forms) return null;
    // Most recently used last: the first entry is the one to drop.
    this.byTag.delete(tag);
    this.byTag.set(tag, forms);
    return forms[form] ?? null;
  }

  /** Holds `bytes`, the answer `tag` in `form`, which `aliasKey` resolved to. */
  put(aliasKey: string, tag: string, form: AnswerForm, bytes: Buffer): void {
    const forms = this.byTag.get(tag) ?? {};
    forms[form] = bytes;
    this.byTag.delete(tag);
    this.byTag.set(tag, forms);
    while (this.byTag.size > MAX_TAGS) this.byTag.delete(this.byTag.keys().next().value as string);
    this.lastTag.delete(aliasKey);
    this.lastTag.set(aliasKey, tag);
    while (this.lastTag.size > MAX_ALIASES) this.lastTag.delete(this.lastTag.keys().next().value as string);
  }
}
