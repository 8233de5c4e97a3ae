import Foundation
import Testing

@testable import Plot

/// Histogram bars: counts, skipped values and density normalisation.
@Suite struct HistogramTests {
  @Test func histogramCountsAndDensityIntegratesToOne() {
    let values = [0, 0.1, 0.2, 0.6, 0.99, 1, .nan, 5]
    let counts = Figure.histogramBars(values, bins: 2, range: 0...1, density: false)
    #expect(counts.edges == [0, 0.5, 1])
    #expect(counts.heights == [3, 3])
    let density = Figure.histogramBars(values, bins: 4, range: nil, density: true)
    let width = (density.edges.last! - density.edges.first!) / 4
    #expect(abs(density.heights.reduce(0, +) * width - 1) < 1e-12)
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
