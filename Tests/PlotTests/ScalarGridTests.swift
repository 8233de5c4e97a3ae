import Foundation
import Testing

@testable import Plot

/// Grids from functions (cell centres) and from samples (2-D histograms).
@Suite struct ScalarGridTests {
  @Test func twoDimensionalHistogramSkipsOutsidePointsAndIntegratesToOne() {
    let grid = ScalarGrid(
      histogramOf: [0.1, 0.9, 0.9, 3, .nan], [0.1, 0.9, 0.8, 0, 0], bins: 2, x: 0...1, y: 0...1,
      density: true)
    let lowerLeft = grid[0, 0]
    let upperRight = grid[1, 1]
    let lowerRight = grid[1, 0]
    #expect(lowerLeft > 0)
    #expect(upperRight == 2 * lowerLeft)
    #expect(lowerRight == 0)
    let total: Double = grid.values.reduce(0, +)
    #expect(abs(total * 0.25 - 1) < 1e-12)
  }

  @Test func samplingEvaluatesCellCentresRowByRowFromTheBottom() {
    let grid = ScalarGrid(sampling: { x, y in 10 * x + y }, x: 0...2, y: 0...4, resolution: 2)
    let expected: [Double] = [6, 16, 8, 18]  // 10·x + y at centres x ∈ {0.5, 1.5}, y ∈ {1, 3}
    #expect(grid.values == expected)
  }
}
