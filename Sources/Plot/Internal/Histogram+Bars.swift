extension Histogram {
  /// The bin edges (bins + 1 values) and bar heights; non-finite and out-of-range values are skipped.
  public func bars() -> (edges: [Double], heights: [Double]) {
    guard bins > 0, let range = range ?? finiteBounds(values) else { return ([], []) }
    let lower = range.lowerBound
    let width = range.upperBound > lower ? range.upperBound - lower : 1
    let edges = (0...bins).map { lower + width * Double($0) / Double(bins) }
    var heights = [Double](repeating: 0, count: bins)
    var counted = 0.0
    for v in values where v.isFinite && v >= lower && v <= lower + width {
      heights[min(Int((v - lower) / width * Double(bins)), bins - 1)] += 1
      counted += 1
    }
    if density, counted > 0 {
      let binWidth = width / Double(bins)
      heights = heights.map { $0 / (counted * binWidth) }
    }
    return (edges, heights)
  }
}
