/**
 * mulberry32: a small, fast, seeded pseudo-random generator. The same seed gives the same sequence on every
 * machine, so a permutation test's p-value and the local SPSE's generated tenders are repeatable.
 *
 * @example const r = prng(15); r(); // 0.0…1.0, the same on every run
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
