// A small seeded random generator (mulberry32) for the node tests of tests/browser/, so a
// failing case can be replayed from its seed: seeded(SEED) gives a function returning numbers
// in [0, 1), the same sequence for the same seed.
'use strict';

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { seeded };
