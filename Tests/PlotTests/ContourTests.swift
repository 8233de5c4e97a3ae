import Foundation
import Testing

@testable import Plot

/// Marching squares against an analytic iso-line, and automatic levels.
@Suite struct ContourTests {
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
}
