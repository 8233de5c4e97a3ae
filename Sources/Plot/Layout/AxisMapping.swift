/// Maps data values along one axis to figure points, linearly in the scaled coordinate.
public struct AxisMapping: Sendable {
  /// Linear or logarithmic.
  public let scale: Scale
  /// The visible range in scaled coordinates (log10 of data on a log axis).
  public let lower: Double
  /// Upper end of the visible range (scaled coordinates).
  public let upper: Double
  /// The positions (points) of `lower` and `upper`; for y, `start` is the bottom edge.
  public let start: Double
  /// Position (points) of `upper`; for y, the top edge.
  public let end: Double

  /// The position of data value `v`, or NaN if the scale cannot show it (≤ 0 on a log axis).
  public func position(_ v: Double) -> Double {
    start + (scale.transform(v) - lower) / (upper - lower) * (end - start)
  }

  /// Points per scaled unit (signed).
  public var pointsPerUnit: Double { (end - start) / (upper - lower) }

  /// The visible range in data units.
  public var dataRange: ClosedRange<Double> { scale.inverse(lower)...scale.inverse(upper) }
}
