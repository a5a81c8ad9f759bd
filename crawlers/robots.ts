/**
 * robots.txt, fetched once per origin with Pantau's own User-Agent and asked before every link is queued (and
 * again after a redirect); a site without one, or whose file cannot be read, allows everything.
 */
import { RobotsTxtFile } from '@crawlee/utils';

export class Robots {
  private readonly files = new Map<string, Promise<RobotsTxtFile | null>>();

  constructor(
    private readonly userAgent: string,
    private readonly timeoutMs: number,
  ) {}

  /** The robots.txt of the URL's origin (fetched on the first ask), or null when there is none. */
  fileFor(url: string): Promise<RobotsTxtFile | null> {
    const origin = new URL(url).origin;
    let r = this.files.get(origin);
    if (!r) {
      r = (async () => {
        try {
          const res = await fetch(`${origin}/robots.txt`, {
            headers: { 'user-agent': this.userAgent },
            signal: AbortSignal.timeout(Math.min(this.timeoutMs, 15_000)),
          });
          if (!res.ok) return null; // no robots.txt: everything allowed
          return RobotsTxtFile.from(`${origin}/robots.txt`, await res.text());
        } catch {
          return null;
        }
      })();
      this.files.set(origin, r);
    }
    return r;
  }

  async allows(url: string): Promise<boolean> {
    return (await this.fileFor(url))?.isAllowed(url, 'PantauBot') ?? true;
  }

  /** The sitemaps robots.txt lists, else the origin's /sitemap.xml. */
  async sitemapsOf(url: string): Promise<string[]> {
    const listed = (await this.fileFor(url))?.getSitemaps() ?? [];
    return listed.length ? listed : [`${new URL(url).origin}/sitemap.xml`];
  }
}
