import CCairo
import Plot

extension CairoPainter {
  /// The colorbar: the colormap as a vertical gradient, a thin frame and outward ticks (labels are texts).
  func draw(_ colorbar: ColorbarLayout) {
    let steps = 256
    let gradient = ScalarGrid(
      columns: 1, rows: steps, x: 0...1, y: 0...1,
      values: (0..<steps).map { Double($0) / Double(steps - 1) })
    if let image = colourImage(gradient, colorbar.colormap, 0...1) {
      let bar = colorbar.bar
      cairo_save(cr)
      cairo_translate(cr, bar.x, bar.y)
      cairo_scale(cr, bar.width, bar.height / Double(steps))
      cairo_set_source_surface(cr, image, 0, 0)
      cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
      cairo_rectangle(cr, 0, 0, 1, Double(steps))
      cairo_fill(cr)
      cairo_restore(cr)
      cairo_surface_destroy(image)
    }
    let bar = colorbar.bar
    cairo_rectangle(cr, bar.x, bar.y, bar.width, bar.height)
    for tick in colorbar.ticks {
      cairo_move_to(cr, bar.maxX, colorbar.position(tick.value))
      cairo_rel_line_to(cr, PlotStyle.tickLength, 0)
    }
    stroke(Self.frameColor, width: Self.frameWidth)
  }

  /// The legend: a translucent white box with a sample of each labelled series and its label.
  func draw(_ legend: LegendLayout, series: [Series]) {
    let box = legend.box
    cairo_rectangle(cr, box.x, box.y, box.width, box.height)
    setColor(Color.white.opacity(0.85))
    cairo_fill_preserve(cr)
    stroke(Color(hex: 0xcccccc), width: 0.6)
    for entry in legend.entries {
      drawSwatch(series[entry.seriesIndex], in: entry.swatch)
      drawTexts([entry.text])
    }
  }

  private func drawSwatch(_ series: Series, in r: Rect) {
    let midY = r.y + r.height / 2
    let midX = r.x + r.width / 2
    switch series {
    case .scatter(let s):
      cairo_arc(cr, midX, midY, min(max(s.size / 2, 2.5), r.height / 2 - 1), 0, 2 * .pi)
      setColor(s.values == nil ? s.color.opacity(s.alpha) : s.colormap.color(at: 0.6))
      cairo_fill(cr)
    case .line(let l):
      cairo_move_to(cr, r.x, midY)
      cairo_line_to(cr, r.maxX, midY)
      stroke(l.color, width: l.width, dash: l.style)
      if l.marker != .none {
        addMarker(l.marker, x: midX, y: midY, size: 2.4 * l.width + 2)
        setColor(l.color)
        cairo_fill(cr)
      }
    case .histogram(let h):
      cairo_rectangle(cr, r.x + 2, midY - 4.5, r.width - 4, 9)
      setColor(h.color.opacity(h.alpha))
      cairo_fill(cr)
    case .contour(let c):
      cairo_move_to(cr, r.x, midY)
      cairo_line_to(cr, r.maxX, midY)
      stroke(c.color ?? c.colormap.color(at: 0.6), width: c.width)
    case .polylines(let p):
      cairo_move_to(cr, r.x, midY)
      cairo_line_to(cr, r.maxX, midY)
      stroke(p.color.opacity(p.alpha), width: max(p.width, 1))
    case .heatmap, .quiver, .annotation: return
    }
  }
}
