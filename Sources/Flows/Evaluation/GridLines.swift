/// Straight grid lines of a rectangle, each a batch of points along the line, to draw how a flow
/// deforms space: map them with `flow.forward(line).z` (data → latent) or `flow.inverse(line).x`.
public enum GridLines {
  /// `count` vertical and `count` horizontal lines spanning `[x] × [y]`, each with `pointsPerLine` points.
  public static func make(
    x: ClosedRange<Float>, y: ClosedRange<Float>, count: Int = 17,
    pointsPerLine: Int = 200
  ) -> [Batch] {
    precondition(
      count >= 2 && pointsPerLine >= 2, "grid lines need count ≥ 2 and pointsPerLine ≥ 2")
    func along(_ range: ClosedRange<Float>, _ i: Int, _ n: Int) -> Float {
      range.lowerBound + (range.upperBound - range.lowerBound) * Float(i) / Float(n - 1)
    }
    let vertical = (0..<count).map { i in
      Batch(points: (0..<pointsPerLine).map { [along(x, i, count), along(y, $0, pointsPerLine)] })
    }
    let horizontal = (0..<count).map { i in
      Batch(points: (0..<pointsPerLine).map { [along(x, $0, pointsPerLine), along(y, i, count)] })
    }
    return vertical + horizontal
  }
}
