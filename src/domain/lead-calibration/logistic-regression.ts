/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares).
 *
 * Why Newton and not gradient descent: the feature count is small (a dozen fit attributes and event counts) and
 * the sample can be 100k leads; Newton converges in ~5-10 passes over the rows with no learning rate to tune,
 * and the same data always gives the same weights (a manager comparing two runs sees the same model).
 *
 * Features are standardised inside (mean 0, sd 1) so the penalty treats them alike; the returned weights are
 * on the original scale, so `predict` takes raw feature values.
 */
export interface LogisticModel {
  intercept: number;
  /** One weight per feature, on the features' own scale. */
  weights: number[];
  /** Newton steps taken. */
  iterations: number;
  converged: boolean;
}

export interface FitOptions {
  /** L2 penalty on the standardised weights (not the intercept). */
  l2?: number;
  maxIterations?: number;
  /** Stop when no standardised weight moves by more than this. */
  tolerance?: number;
}

export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  options: FitOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const n = rows.length;
  if (n !== labels.length) throw new Error('fitLogistic: rows and labels differ in length');
  const p = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== p)) throw new Error('fitLogistic: rows differ in width');

  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (const r of rows) for (let j = 0; j < p; j += 1) mean[j] = (mean[j] as number) + (r[j] as number);
  for (let j = 0; j < p; j += 1) mean[j] = (mean[j] as number) / Math.max(n, 1);
  for (const r of rows)
    for (let j = 0; j < p; j += 1) sd[j] = (sd[j] as number) + ((r[j] as number) - (mean[j] as number)) ** 2;
  // A constant feature carries no information: it keeps weight 0 instead of dividing by (almost) zero. "Almost":
  // rounding can leave a constant column a spread of 1e-16 around its mean, which must not count as a signal.
  const scale = sd.map((v, j) => {
    const s = Math.sqrt(v / Math.max(n, 1));
    return s > 1e-9 * Math.max(1, Math.abs(mean[j] as number)) ? s : 0;
  });

  // beta[0] is the intercept, beta[1..p] the standardised weights.
  let beta = new Array<number>(p + 1).fill(0);
  let iterations = 0;
  let converged = false;
  const z = new Array<number>(p + 1);
  while (iterations < maxIterations) {
    iterations += 1;
    const gradient = new Array<number>(p + 1).fill(0);
    const hessian = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    for (let i = 0; i < n; i += 1) {
      const r = rows[i] as readonly number[];
      z[0] = 1;
      for (let j = 0; j < p; j += 1) {
        const s = scale[j] as number;
        z[j + 1] = s > 0 ? ((r[j] as number) - (mean[j] as number)) / s : 0;
      }
      let eta = 0;
      for (let j = 0; j <= p; j += 1) eta += (beta[j] as number) * (z[j] as number);
      const prob = sigmoid(eta);
      const w = prob * (1 - prob);
      const residual = (labels[i] ? 1 : 0) - prob;
      for (let a = 0; a <= p; a += 1) {
        const za = z[a] as number;
        gradient[a] = (gradient[a] as number) + residual * za;
        const row = hessian[a] as number[];
        for (let b = a; b <= p; b += 1) row[b] = (row[b] as number) + w * za * (z[b] as number);
      }
    }
    for (let a = 0; a <= p; a += 1)
      for (let b = 0; b < a; b += 1) (hessian[a] as number[])[b] = (hessian[b] as number[])[a] as number;
    for (let j = 1; j <= p; j += 1) {
      gradient[j] = (gradient[j] as number) - l2 * (beta[j] as number);
      (hessian[j] as number[])[j] = ((hessian[j] as number[])[j] as number) + l2;
    }
    const step = solveSymmetric(hessian, gradient);
    beta = beta.map((b, j) => b + (step[j] as number));
    if (Math.max(...step.map((s) => Math.abs(s))) < tolerance) {
      converged = true;
      break;
    }
  }

  const weights = new Array<number>(p).fill(0);
  let intercept = beta[0] as number;
  for (let j = 0; j < p; j += 1) {
    const s = scale[j] as number;
    if (s === 0) continue;
    weights[j] = (beta[j + 1] as number) / s;
    intercept -= ((beta[j + 1] as number) * (mean[j] as number)) / s;
  }
  return { intercept, weights, iterations, converged };
}

/** Probability of the positive class for one row of raw feature values. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let eta = model.intercept;
  for (let j = 0; j < model.weights.length; j += 1) eta += (model.weights[j] as number) * (row[j] as number);
  return sigmoid(eta);
}

function sigmoid(x: number): number {
  // Split by sign so exp never overflows.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Solves H x = g for a symmetric positive definite H (Cholesky); the L2 term keeps H positive definite. */
function solveSymmetric(h: readonly (readonly number[])[], g: readonly number[]): number[] {
  const m = g.length;
  const l = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < m; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = (h[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k += 1)
        sum -= ((l[i] as number[])[k] as number) * ((l[j] as number[])[k] as number);
      if (i === j) {
        // The intercept's diagonal has no penalty; a sample with one class only can make it 0.
        (l[i] as number[])[i] = Math.sqrt(Math.max(sum, 1e-12));
      } else {
        (l[i] as number[])[j] = sum / ((l[j] as number[])[j] as number);
      }
    }
  }
  const y = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i += 1) {
    let sum = g[i] as number;
    for (let k = 0; k < i; k += 1) sum -= ((l[i] as number[])[k] as number) * (y[k] as number);
    y[i] = sum / ((l[i] as number[])[i] as number);
  }
  const x = new Array<number>(m).fill(0);
  for (let i = m - 1; i >= 0; i -= 1) {
    let sum = y[i] as number;
    for (let k = i + 1; k < m; k += 1) sum -= ((l[k] as number[])[i] as number) * (x[k] as number);
    x[i] = sum / ((l[i] as number[])[i] as number);
  }
  return x;
}
