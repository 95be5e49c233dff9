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
  private cleared = 0;

  /** At most `max` answers (a 200-rep dashboard answer is 140 kB of text). */
  constructor(max = 20) {
    this.max = max;
  }

  /** The If-None-Match value for `url`, when an answer to it is remembered. */
  tagFor(url: string): string | null {
    return this.byUrl.get(url)?.etag ?? null;
  }

  /**
   * Which sign-in the answers are of: taken when a request is sent and handed to `remember`, so an answer that
   * arrives after a sign-out (the last user's) is not remembered for whoever signs in next.
   */
  get generation(): number {
    return this.cleared;
  }

  /**
   * The remembered text of `url` after a 304 to a request sent with `etag`, most recently used from now on; null
   * when another answer (or none) is remembered for it now: the 304 vouches only for the text of the tag sent.
   */
  textFor(url: string, etag: string): string | null {
    const kept = this.byUrl.get(url);
    if (!kept || kept.etag !== etag) return null;
    this.byUrl.delete(url);
    this.byUrl.set(url, kept);
    return kept.text;
  }

  /**
   * Remembers a 200 answer and its tag, unless the answers were cleared since its request was sent (`generation`);
   * the least recently used goes beyond `max`.
   */
  remember(url: string, etag: string, text: string, generation: number): void {
    if (generation !== this.cleared) return;
    this.byUrl.delete(url);
    this.byUrl.set(url, { etag, text });
    while (this.byUrl.size > this.max) this.byUrl.delete(this.byUrl.keys().next().value as string);
  }

  clear(): void {
    this.byUrl.clear();
    this.cleared += 1;
  }
}
