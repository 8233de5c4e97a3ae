/// Values on a regular `columns × rows` grid of cells covering `x × y`, row 0 at the bottom.
///
/// Value `(i, j)` belongs to the cell whose centre is
/// `(x.lowerBound + (i + ½)·Δx, y.lowerBound + (j + ½)·Δy)`, stored at `values[j * columns + i]`.
public struct ScalarGrid: Sendable {
  /// Number of cells along x.
  public var columns: Int
  /// Number of cells along y.
  public var rows: Int
  /// The x extent covered by the cells.
  public var x: ClosedRange<Double>
  /// The y extent covered by the cells.
  public var y: ClosedRange<Double>
  /// One value per cell, row-major, bottom row first.
  public var values: [Double]

  /// Wraps precomputed values (row-major, bottom row first).
  public init(
    columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>, values: [Double]
  ) {
    self.columns = columns
    self.rows = rows
    self.x = x
    self.y = y
    self.values = values
  }

  /// Samples `f` at the centres of a `resolution × resolution` grid over `x × y`.
  public init(
    sampling f: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>,
    resolution: Int
  ) {
    let n = max(resolution, 0)
    var values = [Double](repeating: 0, count: n * n)
    let dx = (x.upperBound - x.lowerBound) / Double(max(n, 1))
    let dy = (y.upperBound - y.lowerBound) / Double(max(n, 1))
    for j in 0..<n {
      let yc = y.lowerBound + (Double(j) + 0.5) * dy
      for i in 0..<n { values[j * n + i] = f(x.lowerBound + (Double(i) + 0.5) * dx, yc) }
    }
    self.init(columns: n, rows: n, x: x, y: y, values: values)
  }

  /// Counts the points (xs[k], ys[k]) falling in each of `bins × bins` cells over `x × y`;
  /// non-finite and out-of-range points are skipped. With `density`, counts are divided by
  /// (number of points × cell area) so the grid integrates to 1 over the counted points.
  public init(
    histogramOf xs: [Double], _ ys: [Double], bins: Int, x: ClosedRange<Double>,
    y: ClosedRange<Double>,
    density: Bool
  ) {
    let n = max(bins, 0)
    var counts = [Double](repeating: 0, count: n * n)
    let width = x.upperBound - x.lowerBound
    let height = y.upperBound - y.lowerBound
    var total = 0.0
    for (px, py) in zip(xs, ys) where x.contains(px) && y.contains(py) && width > 0 && height > 0 {
      let i = min(Int((px - x.lowerBound) / width * Double(n)), n - 1)
      let j = min(Int((py - y.lowerBound) / height * Double(n)), n - 1)
      counts[j * n + i] += 1
      total += 1
    }
    if density, total > 0 {
      let cellArea = width * height / Double(n * n)
      counts = counts.map { $0 / (total * cellArea) }
    }
    self.init(columns: n, rows: n, x: x, y: y, values: counts)
  }

  /// The value of cell (column `i`, row `j`).
  public subscript(i: Int, j: Int) -> Double { values[j * columns + i] }

  /// The smallest and largest finite values, or nil if there are none.
  public var finiteRange: ClosedRange<Double>? { finiteBounds(values) }
}

/// The smallest and largest finite values in `values`, or nil if there are none (NaN and ±∞ are skipped).
public func finiteBounds(_ values: [Double]) -> ClosedRange<Double>? {
  var lo = Double.infinity
  var hi = -Double.infinity
  for v in values where v.isFinite {
    lo = min(lo, v)
    hi = max(hi, v)
  }
  return lo <= hi ? lo...hi : nil
}
