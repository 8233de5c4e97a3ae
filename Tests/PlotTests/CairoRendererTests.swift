import Foundation
import Testing

@testable import Plot
@testable import PlotCairo

@Suite struct CairoRendererTests {
  /// Small figures covering the main code paths; their SVGs are kept as golden files.
  static let goldenFigures: [(name: String, figure: Figure)] = [
    (
      "scatter-line-legend",
      Figure(width: 320, height: 240).scatter([0, 1, 2, 3], [1, 3, 2, 4], label: "points")
        .line([0, 1, 2, 3], [1, 2, 3, 4], style: .dashed, marker: .square, label: "fit").title(
          "Scatter and line"
        )
        .labels(x: "x_1", y: "y")
    ),
    (
      "density-colorbar",
      Figure(width: 320, height: 240).density(
        x: -2...2, y: -2...2, resolution: 16, colormap: .magma
      ) { x, y in
        exp(-(x * x + y * y))
      }.contour(x: -2...2, y: -2...2, levels: [0.5], resolution: 16, color: .white) { x, y in
        exp(-(x * x + y * y))
      }
      .colorbar("p_θ(x)").equalAspect()
    ),
    (
      "grid-shared-log",
      Figure(width: 420, height: 300, rows: 2, columns: 2, sharedX: true).figureTitle("Shared x")
        .panel(0).line([1, 2, 3], [1e-2, 1, 1e3]).logY().title("log y")
        .panel(1).histogram([0.1, 0.4, 0.5, 0.9, 2.5], bins: 5)
        .panel(2).quiver([0, 1], [0, 1], [1, 0], [0, 1])
        .panel(3).deformedGrid(x: 0...3, y: 0...1, lines: 3, samples: 4) {
          [$0[0], $0[1] + 0.2 * $0[0]]
        }
        .text("σ^2", at: (1.5, 0.5))
    ),
  ]

  @Test func svgMatchesGoldenFiles() throws {
    for (name, figure) in Self.goldenFigures {
      try GoldenFile.verify(try CairoRenderer.svg(figure), named: name + ".svg")
    }
  }

  @Test func outputIsByteIdenticalAcrossRuns() throws {
    for (_, figure) in Self.goldenFigures {
      #expect(try CairoRenderer.svg(figure) == CairoRenderer.svg(figure))
      #expect(try CairoRenderer.png(figure, scale: 1) == CairoRenderer.png(figure, scale: 1))
      #expect(try CairoRenderer.pdf(figure) == CairoRenderer.pdf(figure))
    }
  }

  @Test func pdfCarriesFixedDates() throws {
    let pdf = String(decoding: try CairoRenderer.pdf(Self.goldenFigures[0].figure), as: UTF8.self)
    #expect(pdf.hasPrefix("%PDF-"))
    #expect(pdf.contains("/CreationDate (20000101000000Z)"))
    #expect(pdf.contains("/ModDate (20000101000000Z)"))
  }

  @Test func svgIdsDifferBetweenFiguresSoInlinedSVGsDoNotClash() throws {
    let first = String(decoding: try CairoRenderer.svg(Self.goldenFigures[0].figure), as: UTF8.self)
    let second = String(
      decoding: try CairoRenderer.svg(Self.goldenFigures[1].figure), as: UTF8.self)
    let id = /id="(fb[0-9a-f]+-)i0"/
    let a = try #require(first.firstMatch(of: id)?.1)
    let b = try #require(second.firstMatch(of: id)?.1)
    #expect(a != b)
    #expect(!first.contains("id=\"glyph"))
    #expect(!first.contains("href=\"#glyph"))
  }

  @Test func aKnownPointLightsTheExpectedPixel() throws {
    let figure = Figure(width: 200, height: 160).scatter(
      [0.25], [0.75], size: 8, color: .red, alpha: 1
    )
    .limits(x: 0...1, y: 0...1).grid(false)
    let panel = try #require(FigureLayout(figure, measurer: CairoTextMeasurer()).panels.first)
    for scale in [1.0, 2.0] {
      let image = try PNGImage(try CairoRenderer.png(figure, scale: scale))
      #expect(image.width == Int(200 * scale) && image.height == Int(160 * scale))
      let (px, py) = (Int(panel.x.position(0.25) * scale), Int(panel.y.position(0.75) * scale))
      #expect(image.matches(px, py, Color.red.rgb), "scale \(scale)")
      let (ex, ey) = (Int(panel.x.position(0.75) * scale), Int(panel.y.position(0.25) * scale))
      #expect(image.matches(ex, ey, 0xffffff), "empty plot area is white at scale \(scale)")
    }
  }

  @Test func heatmapCornersHaveTheColormapEnds() throws {
    let figure = Figure(width: 240, height: 200).density(
      x: 0...1, y: 0...1, resolution: 8, colormap: .viridis
    ) { x, y in
      x + y
    }
    let panel = try #require(FigureLayout(figure, measurer: CairoTextMeasurer()).panels.first)
    let image = try PNGImage(try CairoRenderer.png(figure, scale: 1))
    let inset = 3.0
    let lowCorner = (Int(panel.plot.x + inset), Int(panel.plot.maxY - inset))
    let highCorner = (Int(panel.plot.maxX - inset), Int(panel.plot.y + inset))
    #expect(image.matches(lowCorner.0, lowCorner.1, Colormap.viridis.rgb(at: 0), tolerance: 4))
    #expect(image.matches(highCorner.0, highCorner.1, Colormap.viridis.rgb(at: 1), tolerance: 4))
  }

  @Test func tinyFiguresStillRenderWithoutCrashing() throws {
    for (_, figure) in Self.goldenFigures {
      let tiny = figure.size(width: 40, height: 30)
      let image = try PNGImage(try CairoRenderer.png(tiny, scale: 1))
      #expect(image.width == 40 && image.height == 30)
      #expect(try CairoRenderer.svg(tiny).count > 0)
    }
  }

  @Test func invalidFiguresAndScalesThrowBeforeWriting() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "flowbook-plot-\(UUID()).svg"
    ).path
    #expect(throws: PlotError.self) {
      try CairoRenderer.writeSVG(Figure(width: 0, height: 10), to: path)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(throws: CairoRenderError.invalidScale(0)) { try CairoRenderer.png(Figure(), scale: 0) }
    #expect(throws: CairoRenderError.self) {
      try CairoRenderer.writePDF(Figure().line([0, 1]), to: "/nonexistent/dir/f.pdf")
    }
  }
}
