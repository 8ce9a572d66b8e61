// mulberry32 (Tommy Ettinger, public domain): a 32-bit-state PRNG, fast and good enough for
// resampling. Seedable so a run summary's intervals are reproducible — Math.random() would make the
// same run show different intervals on every page load.
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
