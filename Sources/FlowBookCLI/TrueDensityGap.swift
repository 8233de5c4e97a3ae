import Flows

/// A trained flow against the true density on the same held-out points (two moons).
///
/// The test NLL alone carries the Monte-Carlo error of its points (±0.005 nats on 20,000 moons), which is
/// larger than the gap between a good flow and the truth. Scored on the same points, that error is shared,
/// and the mean of log p_true − log p_flow (a Monte-Carlo estimate of the KL divergence) is known to
/// about ±0.0005.
struct TrueDensityGap {
  /// Mean −log p_true over the points.
  var trueNLL: Double
  /// Mean of log p_true − log p_flow over the points: the flow's NLL minus the truth's.
  var gap: Double
  /// The standard error of `gap` from the spread of the per-point differences.
  var gapStandardError: Double

  /// Scores `flow` and the two moons' true density on `points`.
  init(_ flow: Flow, on points: Batch) {
    let truth = ToyDataset.moonsLogDensity(points)
    let differences = zip(truth, flow.logProb(points)).map { $0 - Double($1) }
    let count = Double(differences.count)
    let mean = differences.reduce(0, +) / count
    let spread = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(count - 1, 1)
    gap = mean
    gapStandardError = (spread / count).squareRoot()
    trueNLL = -truth.reduce(0, +) / count
  }
}
