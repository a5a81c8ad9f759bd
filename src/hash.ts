/** Hashing shared by the archive and the extractors. */
import * as crypto from 'node:crypto';

/** SHA-256 hex; crypto.hash (Node ≥ 20.12) skips the Hash object, which hot paths (a crawl, an extraction) notice. */
export const sha256hex: (data: string) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data)
    : (data) => crypto.createHash('sha256').update(data).digest('hex');
