/**
 * Answers the server sent with an entity tag (GET /api/metrics), by URL, so asking again sends If-None-Match and a
 * 304 reuses the text instead of downloading and parsing it again. In memory only and for this tab: the API says
 * `Cache-Control: no-store` (sales data is never written to the browser's disk cache), so the browser's own
 * revalidation does not apply; this does the same within a session. A 304 says the viewer's own answer is the
 * remembered text (the tag is a hash of it), so even a text remembered for someone else could only match the same
 * numbers; it is cleared at sign-out anyway.
 */
export class TaggedAnswers {
  private readonly byUrl = new Map<string, { etag: string; text: string }>();
  private readonly max: number;

  /** At most `max` answers (a 200-rep dashboard answer is 140 kB of text). */
  constructor(max = 20) {
    this.max = max;
  }

  /** The If-None-Match value for `url`, when an answer to it is remembered. */
  tagFor(url: string): string | null {
    return this.byUrl.get(url)?.etag ?? null;
  }

  /** The remembered text of `url` (after a 304), most recently used from now on. */
  textFor(url: string): string | null {
    const kept = this.byUrl.get(url);
    if (!kept) return null;
    this.byUrl.delete(url);
    this.byUrl.set(url, kept);
    return kept.text;
  }

  /** Remembers a 200 answer and its tag; the least recently used goes beyond `max`. */
  remember(url: string, etag: string, text: string): void {
    this.byUrl.delete(url);
    this.byUrl.set(url, { etag, text });
    while (this.byUrl.size > this.max) this.byUrl.delete(this.byUrl.keys().next().value as string);
  }

  clear(): void {
    this.byUrl.clear();
  }
}
