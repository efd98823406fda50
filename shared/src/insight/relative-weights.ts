import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { percentileCont } from '../scoring/spread.js';

/**
 * Key drivers by Johnson's relative weights (Johnson 2000, after Johnson 1966), as domain.md
 * "Uncertainty" → "Key drivers" defines them: each predictor's share of R², the shares summing
 * to R², listed largest first, with no analysis when n < 10·p.
 */

/** The CX outcomes a key-driver analysis explains (domain.md: CSAT and NPS). */
export const KEY_DRIVER_OUTCOMES = ['CSAT', 'NPS'] as const;
export type KeyDriverOutcome = (typeof KEY_DRIVER_OUTCOMES)[number];

/** One inquiry: its participant (the bootstrap's cluster), the outcome and one value a predictor. */
export interface DriverObservation {
  cluster: string;
  outcome: number;
  predictors: readonly number[];
}

export interface KeyDriver {
  questionCode: string;
  /** Share of R² (0–1). */
  weight: number;
  /** 2.5 and 97.5 percentiles of the weight over the participant bootstrap; null without replicates. */
  low: number | null;
  high: number | null;
}

export interface KeyDriverResult {
  inquiries: number;
  /** Null when there is no analysis (too few inquiries, or a constant predictor or outcome). */
  rSquared: number | null;
  drivers: KeyDriver[];
}

export interface KeyDriverOptions {
  /** Bootstrap replicates (0 for none). */
  replicates?: number;
  /** Seed of the bootstrap: the same data and seed give the same intervals. */
  seed?: number;
}

/** domain.md: with n inquiries and p predictors there is no analysis when n < 10·p. */
export const INQUIRIES_PER_PREDICTOR = 10;
export const DEFAULT_REPLICATES = 200;
export const DEFAULT_SEED = 19;

/** Below this a variance counts as zero (points/maximum and CX values are O(1)). */
const ZERO_VARIANCE = 1e-12;
/** Eigenvalues below this (relative to p) are treated as exact collinearity: pseudo-inverse. */
const ZERO_EIGENVALUE = 1e-10;

/**
 * Centred sums of one cluster: n, Σx, Σy, Σxxᵀ, Σxy, Σy². A bootstrap replicate is a sum of
 * drawn clusters' moments, so resampling costs O(clusters·p²) rather than O(inquiries·p²).
 */
interface Moments {
  n: number;
  sx: Float64Array;
  sy: number;
  sxx: Float64Array; // p×p, row-major
  sxy: Float64Array;
  syy: number;
}

function emptyMoments(p: number): Moments {
  return { n: 0, sx: new Float64Array(p), sy: 0, sxx: new Float64Array(p * p), sxy: new Float64Array(p), syy: 0 };
}

function addInto(target: Moments, source: Moments, times = 1): void {
  const p = target.sx.length;
  target.n += times * source.n;
  target.sy += times * source.sy;
  target.syy += times * source.syy;
  for (let j = 0; j < p; j++) {
    target.sx[j]! += times * source.sx[j]!;
    target.sxy[j]! += times * source.sxy[j]!;
  }
  for (let k = 0; k < p * p; k++) target.sxx[k]! += times * source.sxx[k]!;
}

/** Correlations from summed moments: Rxx (p×p) and r_xy (p), or null when a variance is zero. */
function correlations(m: Moments): { rxx: Matrix; rxy: number[] } | null {
  const p = m.sx.length;
  const n = m.n;
  if (n < 2) return null;
  const cov = (sab: number, sa: number, sb: number) => sab - (sa * sb) / n;
  const varY = cov(m.syy, m.sy, m.sy);
  if (varY <= ZERO_VARIANCE * n) return null;
  const sdX: number[] = [];
  for (let j = 0; j < p; j++) {
    const v = cov(m.sxx[j * p + j]!, m.sx[j]!, m.sx[j]!);
    if (v <= ZERO_VARIANCE * n) return null;
    sdX.push(Math.sqrt(v));
  }
  const sdY = Math.sqrt(varY);
  const rxx = new Matrix(p, p);
  for (let a = 0; a < p; a++) {
    rxx.set(a, a, 1);
    for (let b = a + 1; b < p; b++) {
      const r = cov(m.sxx[a * p + b]!, m.sx[a]!, m.sx[b]!) / (sdX[a]! * sdX[b]!);
      rxx.set(a, b, r);
      rxx.set(b, a, r);
    }
  }
  const rxy = sdX.map((sd, j) => cov(m.sxy[j]!, m.sx[j]!, m.sy) / (sd * sdY));
  return { rxx, rxy };
}

/**
 * Johnson's raw relative weights from the correlations: Rxx = VΛVᵀ, Z = VΛ^{1/2}Vᵀ (the
 * predictors' closest orthogonal counterparts), β = Z⁻¹ r_xy (y regressed on them), and
 * weight_j = Σ_k Z_jk² β_k². Z is symmetric with Z² = Rxx, so Σ_j Z_jk² = 1 and the weights
 * sum to βᵀβ = r_xyᵀ Rxx⁻¹ r_xy = R².
 */
export function johnsonWeights(rxx: Matrix, rxy: readonly number[]): number[] {
  const p = rxy.length;
  const eig = new EigenvalueDecomposition(rxx, { assumeSymmetric: true });
  const v = eig.eigenvectorMatrix;
  const lambdas = eig.realEigenvalues;
  const sqrt = lambdas.map((l) => Math.sqrt(Math.max(l, 0)));
  // Exact collinearity would make Z singular: its pseudo-inverse drops the null directions,
  // which explain nothing, so the weights still sum to R².
  const invSqrt = lambdas.map((l) => (l > ZERO_EIGENVALUE * p ? 1 / Math.sqrt(l) : 0));
  const z = v.mmul(Matrix.diag(sqrt)).mmul(v.transpose());
  const zInv = v.mmul(Matrix.diag(invSqrt)).mmul(v.transpose());
  const beta = zInv.mmul(Matrix.columnVector([...rxy])).to1DArray();
  const weights: number[] = [];
  for (let j = 0; j < p; j++) {
    let w = 0;
    for (let k = 0; k < p; k++) w += z.get(j, k) ** 2 * beta[k]! ** 2;
    weights.push(w);
  }
  return weights;
}

function weightsOf(m: Moments): number[] | null {
  const c = correlations(m);
  return c ? johnsonWeights(c.rxx, c.rxy) : null;
}

/**
 * The analysis of one edition, channel and outcome. `questionCodes[j]` names predictor j of
 * every observation. The bootstrap resamples participants (clusters), not inquiries, because
 * a participant's inquiries share its agents and are not independent of each other.
 */
export function keyDriverAnalysis(
  questionCodes: readonly string[],
  observations: readonly DriverObservation[],
  options: KeyDriverOptions = {},
): KeyDriverResult {
  const p = questionCodes.length;
  const n = observations.length;
  const none: KeyDriverResult = { inquiries: n, rSquared: null, drivers: [] };
  if (p === 0 || n < INQUIRIES_PER_PREDICTOR * p) return none;

  // Centre on the overall means before summing, so the moments keep their precision.
  const meanX = new Float64Array(p);
  let meanY = 0;
  for (const o of observations) {
    meanY += o.outcome / n;
    for (let j = 0; j < p; j++) meanX[j]! += o.predictors[j]! / n;
  }
  const clusters = new Map<string, Moments>();
  const x = new Float64Array(p);
  for (const o of observations) {
    let m = clusters.get(o.cluster);
    if (!m) clusters.set(o.cluster, (m = emptyMoments(p)));
    const y = o.outcome - meanY;
    for (let j = 0; j < p; j++) x[j] = o.predictors[j]! - meanX[j]!;
    m.n += 1;
    m.sy += y;
    m.syy += y * y;
    for (let a = 0; a < p; a++) {
      const xa = x[a]!;
      m.sx[a]! += xa;
      m.sxy[a]! += xa * y;
      for (let b = 0; b < p; b++) m.sxx[a * p + b]! += xa * x[b]!;
    }
  }
  const clusterList = [...clusters.values()];
  const all = emptyMoments(p);
  for (const m of clusterList) addInto(all, m);
  const weights = weightsOf(all);
  if (!weights) return none;

  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const draws: number[][] = questionCodes.map(() => []);
  const rng = xoroshiro128plus(options.seed ?? DEFAULT_SEED);
  const counts = new Array<number>(clusterList.length);
  for (let r = 0; r < replicates; r++) {
    counts.fill(0);
    for (let i = 0; i < clusterList.length; i++) counts[uniformInt(rng, 0, clusterList.length - 1)]! += 1;
    const sample = emptyMoments(p);
    clusterList.forEach((m, i) => {
      if (counts[i]) addInto(sample, m, counts[i]);
    });
    // A replicate that happens to draw no variance in some predictor has no weights; it is left
    // out rather than counted as zero.
    const w = weightsOf(sample);
    if (w) w.forEach((value, j) => draws[j]!.push(value));
  }

  const drivers = questionCodes.map((questionCode, j): KeyDriver => {
    const sorted = draws[j]!.slice().sort((a, b) => a - b);
    return {
      questionCode,
      weight: weights[j]!,
      low: sorted.length ? percentileCont(sorted, 0.025) : null,
      high: sorted.length ? percentileCont(sorted, 0.975) : null,
    };
  });
  drivers.sort((a, b) => b.weight - a.weight || a.questionCode.localeCompare(b.questionCode));
  return { inquiries: n, rSquared: weights.reduce((s, w) => s + w, 0), drivers };
}
