/**
 * The Meilisearch client the knowledge base talks through. It asks for uncompressed answers: on 127.0.0.1
 * compression gains nothing, and a compressed answer arrives in two TCP writes that Nagle's algorithm and the
 * client's delayed ACK hold up by ~40 ms each time (measured by the web app, src/web/kb.ts: 48 ms per search with
 * gzip, 4 ms without), which would also slow every task poll while indexing.
 */
import { Meilisearch } from 'meilisearch';

export function kbClient(conn: { url: string; apiKey: string | undefined }): Meilisearch {
  return new Meilisearch({
    host: conn.url,
    apiKey: conn.apiKey,
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
  });
}
