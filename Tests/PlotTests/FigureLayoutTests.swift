import Testing

@testable import Plot
@testable import PlotCairo

/// Acceptance: ticks and labels never overlap or clip, for ranges from 1e-3 to 1e5 and negative ranges.
@Suite struct FigureLayoutTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    var logY = false
    var testDescription: String { "x \(x), y \(y)\(logY ? " log" : "")" }
  }

  static let cases: [Case] = [
    Case(x: 0...1e-3, y: 0...1e-3), Case(x: 0...1e5, y: 0...1e5),
    Case(x: -1e5...1e5, y: -1e-3...1e-3),
    Case(x: -250...(-3), y: -0.07...(-0.01)), Case(x: 0.001...0.0012, y: 99_990...100_000),
    Case(x: -1...1, y: 1e-3...1e5, logY: true), Case(x: 1...3000, y: 0.01...0.5, logY: true),
  ]

  private func figure(_ c: Case, width: Double, height: Double, colorbar: Bool) -> Figure {
    var figure = Figure(width: width, height: height)
      .line([c.x.lowerBound, c.x.upperBound], [c.y.lowerBound, c.y.upperBound], label: "series")
      .title("Title p_θ(x)").labels(x: "x_1 (units)", y: "log p(x)^2")
    if c.logY { figure = figure.logY() }
    if colorbar {
      figure = figure.scatter(
        [c.x.lowerBound], [c.y.upperBound], values: [c.y.upperBound * 1000], size: 2
      ).colorbar("value")
    }
    return figure
  }

  private func expectTidy(
    _ layout: FigureLayout, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let texts = layout.allText.filter { !$0.text.plainText.isEmpty }
    for text in texts {
      let f = text.frame
      #expect(
        f.x >= 0 && f.y >= 0 && f.maxX <= layout.width && f.maxY <= layout.height,
        "\(context): '\(text.text.plainText)' at \(f) is clipped", sourceLocation: sourceLocation)
    }
    for (i, a) in texts.enumerated() {
      for b in texts[(i + 1)...] {
        #expect(
          !a.frame.intersects(b.frame),
          "\(context): '\(a.text.plainText)' overlaps '\(b.text.plainText)'",
          sourceLocation: sourceLocation)
      }
    }
    for panel in layout.panels {
      #expect(
        panel.xTicks.count >= 2 && panel.yTicks.count >= 2, "\(context): too few ticks",
        sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: cases)
  func singlePanelLabelsNeitherOverlapNorClip(_ c: Case) {
    let measurer = CairoTextMeasurer()
    for (width, height) in [(480.0, 360.0), (240, 180)] {
      for colorbar in [false, true] {
        let layout = FigureLayout(
          figure(c, width: width, height: height, colorbar: colorbar), measurer: measurer)
        expectTidy(layout, "\(width)×\(height)\(colorbar ? " with colorbar" : "")")
      }
    }
  }

  @Test func gridOfPanelsWithTitlesAndSharedAxesStaysTidy() {
    var figure = Figure(rows: 2, columns: 3, sharedX: true).figureTitle("Grid p_θ")
    for (i, c) in Self.cases.prefix(6).enumerated() {
      figure = figure.panel(i).line(
        [c.x.lowerBound, c.x.upperBound], [c.y.lowerBound, c.y.upperBound]
      )
      .title("panel \(i)").labels(x: "x", y: "y_\(i)")
    }
    expectTidy(FigureLayout(figure, measurer: CairoTextMeasurer()), "2×3 grid")
  }

  @Test func panelsOfARowShareTheirPlotHeightAndSharedAxesShareLimits() {
    let figure = Figure(columns: 2, sharedY: true)
      .panel(0).scatter([0, 1], [0, 10]).title("with a title")
      .panel(1).scatter([0, 1], [-5, 2]).xLabel("no title, but an x label")
    let layout = FigureLayout(figure, measurer: CairoTextMeasurer())
    #expect(layout.panels[0].plot.y == layout.panels[1].plot.y)
    #expect(layout.panels[0].plot.height == layout.panels[1].plot.height)
    #expect(layout.panels[0].y.lower == layout.panels[1].y.lower)
    #expect(layout.panels[0].y.upper == layout.panels[1].y.upper)
    #expect(
      layout.panels[1].texts.allSatisfy { $0.frame.x > layout.panels[1].plot.x - 20 },
      "inner y tick labels hidden")
  }

  @Test func equalAspectMakesOneUnitEquallyLongOnBothAxes() throws {
    let layout = FigureLayout(
      Figure().scatter([-1, 3], [0, 1]).equalAspect(), measurer: CairoTextMeasurer())
    let panel = try #require(layout.panels.first)
    #expect(abs(panel.x.pointsPerUnit + panel.y.pointsPerUnit) < 1e-9)
  }

  @Test func imagesFillTheAxesEvenWithPointsOnTop() throws {
    let figure = Figure().density(x: -2...2, y: -1...1) { x, y in x * y }.scatter(
      [-1.9, 1.9], [0, 0.9])
    let panel = try #require(FigureLayout(figure, measurer: CairoTextMeasurer()).panels.first)
    #expect(panel.x.dataRange == -2...2)
    #expect(panel.y.dataRange == -1...1)
  }

  @Test func pointsGetAMarginAndHistogramsStandOnZero() throws {
    let figure = Figure().scatter([0, 10], [1, 2]).histogram([5, 6, 6])
    let panel = try #require(FigureLayout(figure, measurer: CairoTextMeasurer()).panels.first)
    #expect(panel.x.dataRange == -0.5...10.5)
    #expect(panel.y.lower == 0)
  }

  @Test func bestLegendPositionAvoidsTheData() throws {
    let xs = (0..<50).map { 8 + Double($0 % 10) * 0.2 }
    let ys = (0..<50).map { 8 + Double($0 / 10) * 0.4 }
    let figure = Figure().scatter(xs, ys, label: "cluster").scatter([0], [0]).limits(
      x: 0...10, y: 0...10)
    let panel = try #require(FigureLayout(figure, measurer: CairoTextMeasurer()).panels.first)
    let legend = try #require(panel.legend)
    #expect(legend.box.x < panel.plot.x + 10, "left side")
    #expect(legend.box.y < panel.plot.y + 10, "top side (the bottom left holds a point)")
  }

  @Test func explicitLimitsAreKeptExactly() throws {
    let layout = FigureLayout(
      Figure().scatter([0, 1], [0, 1]).limits(x: -2...5, y: 10...20), measurer: CairoTextMeasurer())
    let panel = try #require(layout.panels.first)
    #expect(panel.x.dataRange == -2...5)
    #expect(panel.y.dataRange == 10...20)
    #expect(panel.xTicks.allSatisfy { (-2...5).contains($0.value) })
  }
}

extension FigureLayoutTests {
  @Test func fixedTicksReplaceFittedOnesInsideTheLimits() throws {
    let figure = Figure().scatter([0, 1], [0, 1]).limits(x: -4...4, y: 0...3)
      .xTicks([-6, -4, -2, 0, 2, 4]).yTicks([0, 1, 2], labels: ["PyTorch", "dense"])
    let panel = try #require(FigureLayout(figure, measurer: CairoTextMeasurer()).panels.first)
    #expect(panel.xTicks.map(\.value) == [-4, -2, 0, 2, 4])
    #expect(panel.xTicks.map(\.label) == ["\u{2212}4", "\u{2212}2", "0", "2", "4"])
    #expect(panel.yTicks.map(\.label) == ["PyTorch", "dense", "2"])
  }
}
