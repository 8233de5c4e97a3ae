import Foundation
import Testing

@testable import Plot

/// The numbers behind histograms, 2-D histograms and contours, against independent expectations.
@Suite struct SeriesGeometryTests {
  @Test func histogramCountsAndDensityIntegratesToOne() {
    let values = [0, 0.1, 0.2, 0.6, 0.99, 1, .nan, 5]
    let counts = Figure.histogramBars(values, bins: 2, range: 0...1, density: false)
    #expect(counts.edges == [0, 0.5, 1])
    #expect(counts.heights == [3, 3])
    let density = Figure.histogramBars(values, bins: 4, range: nil, density: true)
    let width = (density.edges.last! - density.edges.first!) / 4
    #expect(abs(density.heights.reduce(0, +) * width - 1) < 1e-12)
  }

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

  @Test func contourOfARadialFunctionLiesOnTheCircle() {
    let contour = Contour(
      grid: ScalarGrid(sampling: { x, y in x * x + y * y }, x: -2...2, y: -2...2, resolution: 60),
      levels: [1],
      color: nil, colormap: .viridis, width: 1, label: nil)
    let segments = contour.segments(at: 1)
    #expect(segments.count > 40)
    for s in segments {
      #expect(abs((s.x0 * s.x0 + s.y0 * s.y0).squareRoot() - 1) < 0.01)
      #expect(abs((s.x1 * s.x1 + s.y1 * s.y1).squareRoot() - 1) < 0.01)
    }
  }

  @Test func contourOfAGridGetsEvenlySpacedLevelsStrictlyInsideItsRange() throws {
    let grid = ScalarGrid(columns: 2, rows: 2, x: 0...1, y: 0...1, values: [0, 1, 2, 4])
    let figure = Figure().contour(grid, levelCount: 3)
    guard case .contour(let c) = try #require(figure.axes[0].series.first) else {
      Issue.record("expected a contour")
      return
    }
    #expect(c.levels == [1, 2, 3])
  }

  @Test func floatDataIsPlottedAsDouble() throws {
    let rows: [[Float]] = [[0.5, 1.5], [2, -1]]
    let figure = Figure().scatter(rows).line([Float(1), 2, 3])
    guard case .scatter(let s) = figure.axes[0].series[0], case .line(let l) = figure.axes[0].series[1] else {
      Issue.record("expected a scatter and a line")
      return
    }
    #expect(s.x == [0.5, 2] && s.y == [1.5, -1])
    #expect(l.x == [0, 1, 2] && l.y == [1, 2, 3])
  }

  @Test func deformedGridMapsEveryGridLine() throws {
    let figure = Figure().deformedGrid(x: 0...1, y: 0...1, lines: 3, samples: 5) {
      [$0[0] + 1, 2 * $0[1]]
    }
    guard case .polylines(let p) = try #require(figure.axes[0].series.first) else {
      Issue.record("expected polylines")
      return
    }
    #expect(p.lines.count == 6 && p.lines.allSatisfy { $0.count == 5 })
    #expect(
      p.lines.flatMap { $0 }.allSatisfy { (1...2).contains($0[0]) && (0...2).contains($0[1]) })
  }
}

extension Figure {
  /// The bars of a histogram series built through the public API.
  fileprivate static func histogramBars(
    _ values: [Double], bins: Int, range: ClosedRange<Double>?, density: Bool
  ) -> (edges: [Double], heights: [Double]) {
    guard
      case .histogram(let h) = Figure().histogram(
        values, bins: bins, range: range, density: density
      ).axes[0].series[0]
    else { return ([], []) }
    return h.bars()
  }
}
