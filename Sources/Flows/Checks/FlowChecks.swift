import Foundation

/// One point's log-det check: the layer's closed-form log-det against log|det J| of an independent Jacobian.
public struct LogDetCheck: Sendable {
  /// The point checked.
  public var point: [Float]
  /// The bijector's own log-det (the `Float` forward pass).
  public var analytic: Double
  /// log|det J| of the Jacobian computed independently (one-sided finite differences in `Double`, kink-aware).
  public var jacobian: Double
  /// |analytic − jacobian|.
  public var error: Double { abs(analytic - jacobian) }
}

/// The checks the course and the tests run on every bijector: log-det against an independent Jacobian,
/// round-trip error, and cancellation of forward and inverse log-dets.
public enum FlowChecks {
  /// The Jacobian ∂f/∂x at `x` by finite differences of the layer's `Double` reference forward pass
  /// (for a bijector without one, of its `Float` forward pass with a larger step).
  ///
  /// ReLU conditioners make f piecewise smooth: a central difference across a kink averages two slopes.
  /// So each column uses one-sided differences at steps h and h/2 on both sides, keeps the side whose two
  /// estimates agree best (the side without a kink) and extrapolates them (Richardson: 2·D(h/2) − D(h)).
  public static func jacobian(of bijector: any Bijector, at x: [Double], step: Double? = nil)
    -> [[Double]]
  {
    let d = x.count
    let h = step ?? (bijector.referenceForward(x) == nil ? 1e-2 : 1e-5)
    func evaluate(_ point: [Double]) -> [Double] {
      bijector.referenceForward(point)?.z
        ?? bijector.forward(Batch(count: 1, dimension: d, values: point.map(Float.init))).z.values.map(
          Double.init)
    }
    let center = evaluate(x)
    func oneSided(_ j: Int, _ delta: Double) -> [Double] {
      var moved = x
      moved[j] += delta
      let f = evaluate(moved)
      return (0..<d).map { (f[$0] - center[$0]) / delta }
    }
    var columns: [[Double]] = []
    for j in 0..<d {
      let sides = [h, -h].map { delta -> (estimate: [Double], disagreement: Double) in
        let coarse = oneSided(j, delta)
        let fine = oneSided(j, delta / 2)
        return (
          (0..<d).map { 2 * fine[$0] - coarse[$0] }, zip(coarse, fine).map { abs($0 - $1) }.max()!
        )
      }
      columns.append(
        sides[0].disagreement <= sides[1].disagreement ? sides[0].estimate : sides[1].estimate)
    }
    return (0..<d).map { i in (0..<d).map { j in columns[j][i] } }
  }

  /// log|det m| by Gaussian elimination with partial pivoting.
  public static func logAbsDeterminant(_ m: [[Double]]) -> Double {
    var a = m
    let n = a.count
    var result = 0.0
    for column in 0..<n {
      let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
      a.swapAt(column, pivot)
      let p = a[column][column]
      if p == 0 { return -.infinity }
      result += log(abs(p))
      for row in (column + 1)..<n {
        let factor = a[row][column] / p
        for k in column..<n { a[row][k] -= factor * a[column][k] }
      }
    }
    return result
  }

  /// For every point of `x`: the bijector's log-det and log|det| of its finite-difference Jacobian.
  public static func logDetChecks(of bijector: any Bijector, at x: Batch) -> [LogDetCheck] {
    let analytic = bijector.forward(x).logDet
    return (0..<x.count).map { i in
      let point = x[point: i]
      let jacobian = jacobian(of: bijector, at: point.map(Double.init))
      return LogDetCheck(
        point: point, analytic: Double(analytic[i]), jacobian: logAbsDeterminant(jacobian))
    }
  }

  /// Per point, max_j |f⁻¹(f(x))_j − x_j| / max(1, max_j |x_j|): the relative round-trip error.
  public static func roundTripErrors(of bijector: any Bijector, at x: Batch) -> [Double] {
    let back = bijector.inverse(bijector.forward(x).z).x
    return (0..<x.count).map { i in
      let original = x[point: i]
      let returned = back[point: i]
      let scale = max(1, original.map { abs(Double($0)) }.max() ?? 1)
      return zip(original, returned).map { abs(Double($0) - Double($1)) }.max()! / scale
    }
  }

  /// Per point, |logDet_f(x) + logDet_f⁻¹(f(x))|: zero when forward and inverse log-dets cancel.
  public static func logDetCancellation(of bijector: any Bijector, at x: Batch) -> [Double] {
    let (z, forwardLogDet) = bijector.forward(x)
    let inverseLogDet = bijector.inverse(z).logDet
    return zip(forwardLogDet, inverseLogDet).map { abs(Double($0) + Double($1)) }
  }
}
