import Foundation

/// A growing min…max interval in scaled coordinates (log10 on a log axis).
struct Interval {
  var lower = Double.infinity
  var upper = -Double.infinity
  var isEmpty: Bool { lower > upper }

  mutating func include(_ v: Double) {
    guard v.isFinite else { return }
    lower = min(lower, v)
    upper = max(upper, v)
  }

  mutating func include(_ other: Interval) {
    include(other.lower)
    include(other.upper)
  }
}

extension Scale {
  /// The coordinate a value is laid out in: itself, or log10 (NaN for values ≤ 0, which are skipped).
  func transform(_ v: Double) -> Double {
    switch self {
    case .linear: v
    case .log: v > 0 ? log10(v) : .nan
    }
  }

  /// Maps a laid-out coordinate back to a data value.
  func inverse(_ t: Double) -> Double {
    switch self {
    case .linear: t
    case .log: pow(10, t)
    }
  }
}

extension Axes {
  /// The limits (in scaled coordinates) that fit the data: point-like series get a 5 % margin,
  /// images and contours fill the axes exactly, and histogram bars stand on zero.
  func fittedLimits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
    var padded = (x: Interval(), y: Interval())
    var exact = (x: Interval(), y: Interval())
    var barsStandOnZero = false
    func add(_ xs: [Double], _ ys: [Double]) {
      for (x, y) in zip(xs, ys) where x.isFinite && y.isFinite {
        padded.x.include(xScale.transform(x))
        padded.y.include(yScale.transform(y))
      }
    }
    func addGrid(_ g: ScalarGrid) {
      exact.x.include(xScale.transform(g.x.lowerBound))
      exact.x.include(xScale.transform(g.x.upperBound))
      exact.y.include(yScale.transform(g.y.lowerBound))
      exact.y.include(yScale.transform(g.y.upperBound))
    }
    for series in series {
      switch series {
      case .scatter(let s): add(s.x, s.y)
      case .line(let l): add(l.x, l.y)
      case .quiver(let q): add(q.x, q.y)
      case .annotation(let a):
        add([a.x], [a.y])
        if let t = a.target { add([t.x], [t.y]) }
      case .polylines(let p):
        for line in p.lines {
          add(line.map { $0.first ?? .nan }, line.map { $0.count > 1 ? $0[1] : .nan })
        }
      case .heatmap(let h): addGrid(h.grid)
      case .contour(let c): addGrid(c.grid)
      case .histogram(let h):
        let (edges, heights) = h.bars()
        add([edges.first ?? .nan, edges.last ?? .nan], [0, heights.max() ?? .nan])
        barsStandOnZero = barsStandOnZero || yScale == .linear
      }
    }
    var y = combined(padded: padded.y, exact: exact.y)
    if barsStandOnZero, padded.y.lower == 0 { y.lower = 0 }
    return (closedRange(combined(padded: padded.x, exact: exact.x)), closedRange(y))
  }

  /// Point data with its margin, widened to take in images exactly; the margin never pushes past an
  /// image edge that already contains the points (so an image with arrows on top fills the axes).
  private func combined(padded data: Interval, exact image: Interval) -> Interval {
    var withMargin = data
    pad(&withMargin)
    guard !image.isEmpty else { return withMargin }
    guard !data.isEmpty else { return image }
    return Interval(
      lower: data.lower < image.lower ? withMargin.lower : image.lower,
      upper: data.upper > image.upper ? withMargin.upper : image.upper)
  }

  /// The colormap and value range behind the colorbar: those of the last colour-mapped series.
  func colorScale() -> (colormap: Colormap, range: ClosedRange<Double>)? {
    for series in series.reversed() {
      switch series {
      case .scatter(let s):
        if let range = s.colorRange { return (s.colormap, range) }
      case .heatmap(let h): return (h.colormap, h.colorRange)
      case .contour(let c) where c.color == nil && !c.levels.isEmpty:
        return (c.colormap, c.levelRange)
      default: continue
      }
    }
    return nil
  }

  private func pad(_ interval: inout Interval) {
    guard !interval.isEmpty else { return }
    let margin = 0.05 * (interval.upper - interval.lower)
    interval.lower -= margin
    interval.upper += margin
  }

  private func closedRange(_ interval: Interval) -> ClosedRange<Double> {
    guard !interval.isEmpty else { return 0...1 }
    return widened(interval.lower...interval.upper)
  }
}

/// A degenerate range (a single value) widened so it can be laid out: ±0.5, or ±10 % of the value.
public func widened(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
  guard range.upperBound <= range.lowerBound else { return range }
  let half = range.lowerBound == 0 ? 0.5 : abs(range.lowerBound) * 0.1
  return (range.lowerBound - half)...(range.upperBound + half)
}
