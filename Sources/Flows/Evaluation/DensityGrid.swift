import Foundation

/// A density evaluated on a regular 2-D grid, ready for a heat map: `values[row][column]` at
/// `(xs[column], ys[row])`, rows from the lowest y up.
public struct DensityGrid: Sendable {
  /// Grid coordinates along x and along y.
  public let xs: [Float], ys: [Float]
  /// Densities (not log-densities), one row per y.
  public let values: [[Double]]

  /// The grid of `exp(logDensity(point))` over `[x] × [y]` with `resolution` points per side.
  public init(
    x: ClosedRange<Float>, y: ClosedRange<Float>, resolution: Int, logDensity: (Batch) -> [Float]
  ) {
    let grid = Batch.grid(x: x, y: y, resolution: resolution)
    let logValues = logDensity(grid)
    xs = (0..<resolution).map { grid.values[2 * $0] }
    ys = (0..<resolution).map { grid.values[2 * $0 * resolution + 1] }
    values = (0..<resolution).map { row in
      (0..<resolution).map { column in Foundation.exp(Double(logValues[row * resolution + column]))
      }
    }
  }
}

extension Flow {
  /// The learned density p(x) on a grid, for heat maps beside the true density.
  public func densityGrid(x: ClosedRange<Float>, y: ClosedRange<Float>, resolution: Int = 200)
    -> DensityGrid
  {
    DensityGrid(x: x, y: y, resolution: resolution) { logProb($0) }
  }
}

extension ToyDataset {
  /// The true density on a grid where known in closed form (checkerboard, 8 gaussians), else nil.
  public func densityGrid(x: ClosedRange<Float>, y: ClosedRange<Float>, resolution: Int = 200)
    -> DensityGrid?
  {
    guard hasKnownDensity else { return nil }
    return DensityGrid(x: x, y: y, resolution: resolution) { logDensity($0)! }
  }
}
