import Foundation
import Testing

@testable import Plot

/// The chainable API builds the series it promises.
@Suite struct AxesBuildingTests {
  @Test func floatDataIsPlottedAsDouble() throws {
    let rows: [[Float]] = [[0.5, 1.5], [2, -1]]
    let figure = Figure().scatter(rows).line([Float(1), 2, 3])
    guard case .scatter(let s) = figure.axes[0].series[0],
      case .line(let l) = figure.axes[0].series[1]
    else {
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
