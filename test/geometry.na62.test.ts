/** NA62 acceptance of single tracks traced by hand through geometry/na62.json (PHYSICS.md 1.3). */
import { describe, expect, it } from 'vitest';
import { loadNa62Geometry, na62GeometryParams } from '../src/geometry/na62.js';
import { na62TrackAcceptance, TRACK_IN_LKR, TRACK_IN_MUV3, TRACK_IN_STRAW } from '../src/geometry/na62Acceptance.js';
import { cylinderInterval } from '../src/engine/cpu/sampling.js';

const G = na62GeometryParams(loadNa62Geometry('na62'));
const BOTH = TRACK_IN_STRAW | TRACK_IN_LKR;
const SL = (bits: number) => bits & BOTH; // the STRAW and LKr bits (MUV3 has its own test)

describe('NA62 track acceptance, traced by hand', () => {
  // A 10 GeV track parallel to z at x = 0.5 m from z = 150 m. The thin kick at the magnet
  // centre (z = 197.0 m) turns p_x into -0.27 q GeV with |p| kept: slope -0.027010 q.
  // q = +1: x = 0.2985 (ch 3), -0.0911 (ch 4, just outside the hole [-0.011, 0.117]), -0.691 (LKr).
  it('a positive track bent towards -x crosses all four chambers and hits the LKr', () => {
    expect(SL(na62TrackAcceptance(G, 0.5, 0, 150, 0, 0, 10, +1))).toBe(BOTH);
  });
  // q = -1: x = 1.091 at chamber 4 (outside its 1 m radius) and 1.691 at the LKr (outside |x| < 1.13).
  it('the same track with negative charge is bent out of chamber 4 and the LKr', () => {
    expect(SL(na62TrackAcceptance(G, 0.5, 0, 150, 0, 0, 10, -1))).toBe(0);
  });
  // Through the centre of chamber 1's beam hole (x = 0.1012 m): no STRAW; at the LKr x = -1.090: inside.
  it('a track through the beam hole of chamber 1 misses the STRAW but reaches the LKr', () => {
    expect(SL(na62TrackAcceptance(G, 0.1012, 0, 150, 0, 0, 10, +1))).toBe(TRACK_IN_LKR);
  });
  // Neutral tracks parallel to z: at x = y = 0.3 the LKr is hit; at x = y = 0.85 the track is
  // inside |x|, |y| < 1.13 but outside the octagon's corner |x| + |y| < 1.598.
  it('the LKr octagon cuts the corners', () => {
    const corner = na62TrackAcceptance(G, 0.85, 0.85, 150, 0, 0, 1e6, 0); // neutral: no kick
    expect(corner & TRACK_IN_LKR).toBe(0);
    expect(na62TrackAcceptance(G, 0.3, 0.3, 150, 0, 0, 1e6, 0) & TRACK_IN_LKR).toBe(TRACK_IN_LKR);
  });
  // MUV3 at z = 246.8 m: the positive track above reaches x = 0.5 - 49.8 x 0.027010 = -0.845 (inside
  // the 1.32 m half side); the negative one 1.845 (outside).
  it('MUV3: the bent positive track is inside, the negative one outside', () => {
    expect(na62TrackAcceptance(G, 0.5, 0, 150, 0, 0, 10, +1) & TRACK_IN_MUV3).toBe(TRACK_IN_MUV3);
    expect(na62TrackAcceptance(G, 0.5, 0, 150, 0, 0, 10, -1) & TRACK_IN_MUV3).toBe(0);
  });
  it('backward tracks and vertices behind chamber 1 are never accepted', () => {
    expect(na62TrackAcceptance(G, 0.5, 0, 150, 0, 0, -10, 1)).toBe(0);
    expect(na62TrackAcceptance(G, 0.5, 0, 190, 0, 0, 10, 1)).toBe(0);
  });
});

describe('decay-volume interval of a ray (cylinder z 105-180 m, r < 1 m)', () => {
  it('an on-axis ray from z = 100 enters at s = 5 and leaves at s = 80', () => {
    expect(cylinderInterval(0, 0, 105 - 100, 180 - 100, 0, 0, 1, 1)).toEqual([5, 80]);
  });
  it('a ray at 45 degrees in x from the axis at z = 120 leaves through the side at s = sqrt(2)', () => {
    const d = Math.SQRT1_2;
    const [sIn, sOut] = cylinderInterval(0, 0, 105 - 120, 180 - 120, d, 0, d, 1);
    expect(sIn).toBe(0);
    expect(sOut).toBeCloseTo(Math.SQRT2, 12);
  });
  it('a ray outside the radius, parallel to z, never enters', () => {
    const [sIn, sOut] = cylinderInterval(1.5, 0, -10, 50, 0, 0, 1, 1);
    expect(sOut).toBeLessThanOrEqual(sIn);
  });
});
