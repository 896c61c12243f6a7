// What @notionhq/client expects of its platform and Apps Script lacks: URL (it builds each request's
// address with one) and setTimeout (it races each request against a timer). Installed only when
// missing, when the Notion engine is loaded, never at the add-on's load.

/** Enough of URL for the client: an address, query parameters appended, the whole as text. */
class RequestUrl {
  private readonly params: [string, string][] = [];
  readonly searchParams = {
    append: (key: string, value: string) => {
      this.params.push([key, value]);
    },
  };
  constructor(private readonly href: string) {}
  toString(): string {
    if (this.params.length === 0) return this.href;
    const query = this.params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    return `${this.href}${this.href.includes('?') ? '&' : '?'}${query}`;
  }
}

export function installShims(): void {
  const global = globalThis as Record<string, unknown>;
  if (typeof global.URL !== 'function') global.URL = RequestUrl;
  // UrlFetchApp waits for its answer itself (and gives up on its own): the client's timer has nothing to race.
  if (typeof global.setTimeout !== 'function') global.setTimeout = () => 0;
  if (typeof global.clearTimeout !== 'function') global.clearTimeout = () => undefined;
}
