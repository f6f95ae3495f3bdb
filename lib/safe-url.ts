/**
 * The URL if it is an http(s) address, else null: corpus metadata is data,
 * and a `javascript:` or `data:` "source" must never become a link.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
