/// A batch of points in D dimensions, stored row-major: point `i`, coordinate `j` is `values[i * dimension + j]`.
///
/// This is the currency of the public Flows API: datasets produce batches, bijectors map batches to
/// batches, and plots read `column(_:)`. Row-major `Float` storage is what `cblas_sgemm` consumes directly.
public struct Batch: Equatable, Sendable {
  /// Number of points.
  public let count: Int
  /// Number of coordinates per point (2 for the toy datasets).
  public let dimension: Int
  /// The coordinates, row-major, `count * dimension` of them.
  public var values: [Float]

  /// A batch from row-major values; `values.count` must equal `count * dimension`.
  public init(count: Int, dimension: Int, values: [Float]) {
    precondition(
      count >= 0 && dimension > 0,
      "a batch needs count ≥ 0 and dimension > 0, got \(count)×\(dimension)")
    precondition(
      values.count == count * dimension,
      "a \(count)×\(dimension) batch needs \(count * dimension) values, got \(values.count)")
    self.count = count
    self.dimension = dimension
    self.values = values
  }

  /// A batch from a list of points, each an array of `dimension` coordinates.
  public init(points: [[Float]]) {
    let dimension = points.first?.count ?? 2
    precondition(
      points.allSatisfy { $0.count == dimension },
      "every point of a batch needs \(dimension) coordinates")
    self.init(count: points.count, dimension: dimension, values: points.flatMap { $0 })
  }

  /// Two-dimensional points from separate x and y coordinate lists of equal length.
  public init(x: [Float], y: [Float]) {
    precondition(x.count == y.count, "x has \(x.count) values but y has \(y.count)")
    var values = [Float](repeating: 0, count: 2 * x.count)
    for i in x.indices {
      values[2 * i] = x[i]
      values[2 * i + 1] = y[i]
    }
    self.init(count: x.count, dimension: 2, values: values)
  }

  /// Coordinate `j` of every point, e.g. `column(0)` for the x values of a scatter plot.
  public func column(_ j: Int) -> [Float] {
    precondition(
      j >= 0 && j < dimension, "column \(j) does not exist in a batch of dimension \(dimension)")
    return (0..<count).map { values[$0 * dimension + j] }
  }

  /// The points as a list of coordinate arrays.
  public var points: [[Float]] {
    (0..<count).map { Array(values[($0 * dimension)..<(($0 + 1) * dimension)]) }
  }

  /// Point `i` as an array of `dimension` coordinates.
  public subscript(point i: Int) -> [Float] {
    Array(values[(i * dimension)..<((i + 1) * dimension)])
  }

  /// The points at the given positions, in that order.
  public func selecting(_ indices: some Sequence<Int>) -> Batch {
    var selected: [Float] = []
    for i in indices {
      selected.append(contentsOf: values[(i * dimension)..<((i + 1) * dimension)])
    }
    return Batch(count: selected.count / dimension, dimension: dimension, values: selected)
  }

  /// The points of `grid` spanning `[xMin, xMax] × [yMin, yMax]` with `resolution` points per side,
  /// row by row from `yMin` up (x varies fastest) — the layout of a heat map.
  public static func grid(x: ClosedRange<Float>, y: ClosedRange<Float>, resolution: Int) -> Batch {
    precondition(resolution >= 2, "a grid needs at least 2 points per side, got \(resolution)")
    var values: [Float] = []
    values.reserveCapacity(2 * resolution * resolution)
    let step = Float(resolution - 1)
    for row in 0..<resolution {
      let yValue = y.lowerBound + (y.upperBound - y.lowerBound) * Float(row) / step
      for column in 0..<resolution {
        values.append(x.lowerBound + (x.upperBound - x.lowerBound) * Float(column) / step)
        values.append(yValue)
      }
    }
    return Batch(count: resolution * resolution, dimension: 2, values: values)
  }
}
