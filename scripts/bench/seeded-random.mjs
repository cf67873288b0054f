/**
 * mulberry32 for the bench scripts, which run on plain Node and cannot import
 * src/calibrate/seeded-random.ts: the same generator, so generated data is
 * reproducible from a seed.
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
