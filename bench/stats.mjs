// Small statistics for the benchmarks: medians and a summary rounded to 0.01 ms.

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `p` (0..1) of the values lie (nearest rank). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const round = (value) => Math.round(value * 100) / 100;

/** `{median, p90, min, max, n}` of a list of milliseconds. */
export function summary(values) {
  return {
    median: round(median(values)),
    p90: round(percentile(values, 0.9)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    n: values.length,
  };
}
