/** The outcome of one HTTP attempt: a status code, or a network error message. */
export type SendResult = { status: number; error?: undefined } | { status: null; error: string };

/** Posts a body to a URL; injectable so tests and other transports can replace fetch. */
export type WebhookSender = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<SendResult>;

/** Default sender: fetch with a 5 s timeout; redirects are not followed (a redirect counts as a failure). */
export const fetchSender: WebhookSender = async (url, headers, body) => {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(5_000),
    });
    // Drain the body so the connection can be reused.
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status };
  } catch (err) {
    return { status: null, error: err instanceof Error ? err.message : String(err) };
  }
};
