import Testing

@testable import Plot

/// Acceptance: bad input gives a clear error naming the panel and series, never a crash.
@Suite struct FigureValidationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var figure: Figure
    var error: PlotError
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "zero width", figure: Figure(width: 0, height: 100),
      error: .invalidSize(width: 0, height: 100)),
    Case(
      name: "infinite height", figure: Figure(width: 100, height: .infinity),
      error: .invalidSize(width: 100, height: .infinity)),
    Case(
      name: "empty grid", figure: Figure(rows: 0, columns: 2),
      error: .invalidGrid(rows: 0, columns: 2)),
    Case(
      name: "missing panel", figure: Figure(columns: 2).panel(5),
      error: .noSuchPanel(index: 5, count: 2)),
    Case(
      name: "mismatched scatter", figure: Figure().scatter([1, 2, 3], [1, 2]),
      error: .mismatchedLengths(
        panel: 0, series: "scatter (series 1)", detail: "x has 3 values but y has 2")),
    Case(
      name: "empty line", figure: Figure().line([], []),
      error: .emptySeries(panel: 0, series: "line (series 1)")),
    Case(
      name: "all-NaN histogram", figure: Figure().histogram([.nan, .infinity]),
      error: .noFiniteValues(panel: 0, series: "histogram (series 1)", count: 2)),
    Case(
      name: "no bins", figure: Figure().histogram([1, 2], bins: 0),
      error: .invalidParameter(
        panel: 0, series: "histogram (series 1)", detail: "bins must be in 1…10000, got 0")),
    Case(
      name: "tiny density grid",
      figure: Figure(columns: 2).panel(1).density(resolution: 1) { $0 + $1 },
      error: .invalidParameter(
        panel: 1, series: "density/heatmap (series 1)",
        detail: "the grid has 1 × 1 cells; resolution/bins must be at least 2")),
    Case(
      name: "quiver lengths", figure: Figure().quiver([0], [0], [1, 2], [1]),
      error: .mismatchedLengths(
        panel: 0, series: "quiver (series 1)",
        detail: "lengths differ: x has 1, y has 1, u has 2, v has 1")),
    Case(
      name: "log limits", figure: Figure().line([1, 2], [1, 2]).logY().yLimits(0...10),
      error: .invalidParameter(
        panel: 0, series: "y limits", detail: "a log axis needs limits above 0, got 0.0...10.0")),
  ]

  @Test(arguments: cases)
  func badInputIsAClearError(_ c: Case) {
    #expect(throws: c.error) { try c.figure.validate() }
  }

  @Test func nonFinitePointsAmongGoodOnesAreSkippedNotErrors() throws {
    try Figure().scatter([1, .nan, 3], [1, 2, .infinity]).line([0, 1, 2], [1, .nan, 3]).validate()
    try Figure().density { x, _ in x > 0 ? .nan : x }.validate()
  }

  @Test func messagesNameThePanelAndTheSeries() {
    let error = PlotError.mismatchedLengths(
      panel: 2, series: "scatter (series 1)", detail: "x has 3 values but y has 2")
    #expect(error.description == "panel 2, scatter (series 1): x has 3 values but y has 2")
  }
}
