import CCairo
import Foundation
import Plot

/// Draws a laid-out figure on a Cairo context: background, then per panel grid lines, series (clipped to
/// the plot area), frame and ticks, labels, colorbar and legend — the layout has already decided every
/// position, so this only paints.
struct CairoPainter {
  let cr: OpaquePointer
  let measurer: CairoTextMeasurer
  /// Device pixels per point when drawing into an image (PNG), nil for vector output (SVG, PDF).
  let rasterScale: Double?

  static let frameColor = Color(hex: 0x4d4d4d)
  static let gridColor = Color(hex: 0xe8e8e8)
  static let frameWidth = 0.8

  func draw(_ figure: Figure, _ layout: FigureLayout) {
    CairoTextMeasurer.configureFont(cr)
    setColor(.white)
    cairo_paint(cr)
    for (axes, panel) in zip(figure.axes, layout.panels) { draw(axes, panel) }
    drawTexts(layout.title.map { [$0] } ?? [])
  }

  private func draw(_ axes: Axes, _ panel: PanelLayout) {
    if axes.showsGrid { drawGrid(panel) }
    cairo_save(cr)
    cairo_rectangle(cr, panel.plot.x, panel.plot.y, panel.plot.width, panel.plot.height)
    cairo_clip(cr)
    for series in axes.series { draw(series, in: panel) }
    cairo_restore(cr)
    drawFrameAndTicks(panel)
    drawTexts(panel.texts)
    if let colorbar = panel.colorbar { draw(colorbar) }
    if let legend = panel.legend { draw(legend, series: axes.series) }
  }

  // MARK: - Axes furniture

  private func drawGrid(_ panel: PanelLayout) {
    let p = panel.plot
    for tick in panel.xTicks {
      let x = panel.x.position(tick.value)
      cairo_move_to(cr, x, p.y)
      cairo_line_to(cr, x, p.maxY)
    }
    for tick in panel.yTicks {
      let y = panel.y.position(tick.value)
      cairo_move_to(cr, p.x, y)
      cairo_line_to(cr, p.maxX, y)
    }
    stroke(Self.gridColor, width: 0.6)
  }

  private func drawFrameAndTicks(_ panel: PanelLayout) {
    let p = panel.plot
    cairo_rectangle(cr, p.x, p.y, p.width, p.height)
    for tick in panel.xTicks {
      cairo_move_to(cr, panel.x.position(tick.value), p.maxY)
      cairo_rel_line_to(cr, 0, PlotStyle.tickLength)
    }
    for tick in panel.yTicks {
      cairo_move_to(cr, p.x, panel.y.position(tick.value))
      cairo_rel_line_to(cr, -PlotStyle.tickLength, 0)
    }
    stroke(Self.frameColor, width: Self.frameWidth)
  }

  func drawTexts(_ texts: [PlacedText], color: Color = .black) {
    setColor(color)
    for text in texts { CairoTextMeasurer.draw(text, on: cr) }
  }

  // MARK: - Helpers

  func setColor(_ color: Color) {
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
  }

  /// Strokes the current path with square-free, round-joined lines.
  func stroke(_ color: Color, width: Double, dash: LineStyle = .solid) {
    setColor(color)
    cairo_set_line_width(cr, width)
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
    cairo_set_line_cap(cr, dash == .dotted ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    switch dash {
    case .solid: cairo_set_dash(cr, nil, 0, 0)
    case .dashed: cairo_set_dash(cr, [3.7 * width, 1.6 * width], 2, 0)
    case .dotted: cairo_set_dash(cr, [0, 2 * width], 2, 0)
    }
    cairo_stroke(cr)
    cairo_set_dash(cr, nil, 0, 0)
  }

  /// Adds a polyline through the points to the path, starting a new piece after every non-finite point.
  func addPolyline(_ points: [(Double, Double)]) {
    var drawing = false
    for (x, y) in points {
      guard x.isFinite, y.isFinite else {
        drawing = false
        continue
      }
      if drawing { cairo_line_to(cr, x, y) } else { cairo_move_to(cr, x, y) }
      drawing = true
    }
  }

  /// Draws a filled arrow head at (x, y) pointing along (dx, dy) (any length), `length` points long.
  func addArrowHead(atX x: Double, y: Double, dx: Double, dy: Double, length: Double) {
    let norm = (dx * dx + dy * dy).squareRoot()
    guard norm > 0 else { return }
    let (ux, uy) = (dx / norm, dy / norm)
    let halfWidth = length * 0.45
    cairo_move_to(cr, x, y)
    cairo_line_to(cr, x - ux * length - uy * halfWidth, y - uy * length + ux * halfWidth)
    cairo_line_to(cr, x - ux * length + uy * halfWidth, y - uy * length - ux * halfWidth)
    cairo_close_path(cr)
  }
}
