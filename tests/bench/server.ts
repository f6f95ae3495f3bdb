import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { listenLocally } from '../e2e/server.ts';

/**
 * The bench pages' server on 127.0.0.1: generated pages from memory under
 * `/gen/`, the optional real pages folder under `/real/`, and JSON files
 * from memory under `/data/` (the panel benchmark's corpora; the map may
 * change between requests).
 *
 * Every page is served with three headers, for a fair and precise clock:
 * - `Cross-Origin-Opener-Policy` + `Cross-Origin-Embedder-Policy` make the page
 *   cross-origin isolated, which gives performance.now() 5 µs resolution
 *   instead of 100 µs (hover hit tests take tens of microseconds);
 * - `Content-Security-Policy: script-src 'none'` keeps the saved pages' own
 *   scripts (ads, analytics, frameworks that would fail offline) from running
 *   during the measurement, so every method scans the same static DOM and
 *   nothing else competes for the main thread. The benchmark's code is
 *   evaluated through the DevTools protocol, which CSP does not govern.
 * Subresources (images, fonts, styles) of the real pages point at hosts this
 * machine cannot reach; they fail fast, as they would offline.
 */
export async function startBenchServer(generated: ReadonlyMap<string, string>, realDir?: string, data?: ReadonlyMap<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'content-security-policy': "script-src 'none'",
      'cache-control': 'no-store',
    };
    const name = decodeURIComponent(url.pathname);
    if (name.startsWith('/gen/')) {
      const html = generated.get(name.slice('/gen/'.length));
      if (html !== undefined) return void res.writeHead(200, headers).end(html);
    } else if (data && name.startsWith('/data/')) {
      const json = data.get(name.slice('/data/'.length));
      if (json !== undefined) return void res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(json);
    } else if (realDir && name.startsWith('/real/')) {
      const path = normalize(join(realDir, name.slice('/real/'.length)));
      if (path.startsWith(normalize(realDir)) && path.endsWith('.html')) {
        try {
          return void res.writeHead(200, headers).end(await readFile(path));
        } catch {
          // fall through to 404
        }
      }
    }
    res.writeHead(404).end('not found');
  });
  return { url: await listenLocally(server), server };
}
