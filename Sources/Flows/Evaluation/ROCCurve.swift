/// The receiver operating characteristic of an anomaly score: how well higher scores separate outliers
/// from inliers. With a flow, the score is the negative log-likelihood `−log p(x)`.
public struct ROCCurve: Sendable {
  /// (false-positive rate, true-positive rate) from (0, 0) to (1, 1), one point per distinct threshold.
  public let points: [(falsePositiveRate: Double, truePositiveRate: Double)]
  /// Area under the curve: the probability that a random outlier scores higher than a random inlier (ties count ½).
  public let area: Double

  /// The curve of `inlierScores` (negatives) against `outlierScores` (positives); both must be non-empty.
  public init(inlierScores: [Float], outlierScores: [Float]) {
    precondition(
      !inlierScores.isEmpty && !outlierScores.isEmpty,
      "ROC needs at least one inlier and one outlier score")
    let labelled = (inlierScores.map { ($0, false) } + outlierScores.map { ($0, true) }).sorted {
      $0.0 > $1.0
    }
    let positives = Double(outlierScores.count)
    let negatives = Double(inlierScores.count)
    var points: [(Double, Double)] = [(0, 0)]
    var truePositives = 0.0
    var falsePositives = 0.0
    var area = 0.0
    var index = 0
    while index < labelled.count {
      // All points with the same score cross the threshold together (a diagonal step for ties).
      let threshold = labelled[index].0
      let (previousFP, previousTP) = (falsePositives, truePositives)
      while index < labelled.count && labelled[index].0 == threshold {
        if labelled[index].1 { truePositives += 1 } else { falsePositives += 1 }
        index += 1
      }
      area +=
        (falsePositives - previousFP) / negatives * (truePositives + previousTP) / 2 / positives
      points.append((falsePositives / negatives, truePositives / positives))
    }
    self.points = points
    self.area = area
  }
}

extension Flow {
  /// Anomaly scores `−log p(x)` in nats: higher means less likely under the model.
  public func anomalyScores(_ x: Batch) -> [Float] { logProb(x).map { -$0 } }
}
