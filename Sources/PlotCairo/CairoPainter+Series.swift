import CCairo
import Foundation
import Plot

extension CairoPainter {
  /// Draws one series in the panel's data coordinates (the caller has clipped to the plot area).
  func draw(_ series: Series, in panel: PanelLayout) {
    switch series {
    case .scatter(let s): draw(s, panel)
    case .line(let l): draw(l, panel)
    case .histogram(let h): draw(h, panel)
    case .heatmap(let h): draw(h, panel)
    case .contour(let c): draw(c, panel)
    case .polylines(let p): draw(p, panel)
    case .quiver(let q): draw(q, panel)
    case .annotation(let a): draw(a, panel)
    }
  }

  private func points(_ xs: [Double], _ ys: [Double], _ panel: PanelLayout) -> [(Double, Double)] {
    zip(xs, ys).map { (panel.x.position($0), panel.y.position($1)) }
  }

  private func draw(_ s: Scatter, _ panel: PanelLayout) {
    let positions = points(s.x, s.y, panel)
    let colorRange = s.colorRange ?? 0...1
    func color(_ k: Int) -> Color {
      guard let values = s.values else { return s.color.opacity(s.color.alpha * s.alpha) }
      let t = (values[k] - colorRange.lowerBound) / (colorRange.upperBound - colorRange.lowerBound)
      return s.colormap.color(at: t).opacity(s.alpha)
    }
    let visible = positions.indices.filter {
      positions[$0].0.isFinite && positions[$0].1.isFinite && (s.values?[$0].isFinite ?? true)
    }
    if let scale = rasterScale {
      stampDiscs(
        visible.map { positions[$0] }, colors: visible.map(color), radius: s.size / 2, scale: scale)
      return
    }
    // Overlapping translucent discs must be drawn separately so overlaps darken, as in matplotlib.
    // Each disc is a zero-length stroke with round caps: 4 numbers in the SVG/PDF instead of 14 for an arc.
    let centres = visible.map { positions[$0] }
    let colors = visible.map(color)
    cairo_set_line_width(cr, s.size)
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
    for range in DiscBatches.ranges(centres: centres, colors: colors, radius: s.size / 2) {
      setColor(colors[range.lowerBound])
      for k in range {
        cairo_move_to(cr, centres[k].0, centres[k].1)
        cairo_rel_line_to(cr, 0, 0)
      }
      cairo_stroke(cr)
    }
  }

  /// Draws discs into an image by stamping one pre-rendered antialiased disc (an A8 mask) per point:
  /// the same picture as filling each disc, many times faster for tens of thousands of points.
  private func stampDiscs(
    _ centres: [(Double, Double)], colors: [Color], radius: Double, scale: Double
  ) {
    let side = Int32(((radius + 1 / scale) * 2 * scale).rounded(.up))
    guard let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, side, side) else { return }
    defer { cairo_surface_destroy(mask) }
    cairo_surface_set_device_scale(mask, scale, scale)
    let half = Double(side) / scale / 2
    let stamp = cairo_create(mask)
    cairo_arc(stamp, half, half, radius, 0, 2 * .pi)
    cairo_fill(stamp)
    cairo_destroy(stamp)
    var current: Color?
    for ((x, y), color) in zip(centres, colors) {
      if color != current {
        setColor(color)
        current = color
      }
      cairo_mask_surface(cr, mask, x - half, y - half)
    }
  }

  private func draw(_ l: Line, _ panel: PanelLayout) {
    let positions = points(l.x, l.y, panel)
    addPolyline(positions)
    stroke(l.color, width: l.width, dash: l.style)
    guard l.marker != .none else { return }
    for (x, y) in positions where x.isFinite && y.isFinite {
      addMarker(l.marker, x: x, y: y, size: 2.4 * l.width + 2)
    }
    setColor(l.color)
    cairo_fill_preserve(cr)
    stroke(.white, width: 0.6)
  }

  /// Adds a marker outline centred at (x, y) to the path.
  func addMarker(_ marker: Marker, x: Double, y: Double, size: Double) {
    let r = size / 2
    switch marker {
    case .none: return
    case .circle:
      cairo_new_sub_path(cr)
      cairo_arc(cr, x, y, r, 0, 2 * .pi)
    case .square: cairo_rectangle(cr, x - r, y - r, size, size)
    case .triangle:
      cairo_move_to(cr, x, y - r * 1.15)
      cairo_line_to(cr, x + r, y + r * 0.6)
      cairo_line_to(cr, x - r, y + r * 0.6)
      cairo_close_path(cr)
    }
  }

  private func draw(_ h: Histogram, _ panel: PanelLayout) {
    let (edges, heights) = h.bars()
    let base = panel.y.scale == .log ? panel.plot.maxY : panel.y.position(0)
    for (k, height) in heights.enumerated() where height > 0 {
      let x0 = panel.x.position(edges[k])
      let x1 = panel.x.position(edges[k + 1])
      let top = panel.y.position(height)
      guard x0.isFinite, x1.isFinite, top.isFinite else { continue }
      cairo_rectangle(cr, x0, top, x1 - x0, base - top)
    }
    setColor(h.color.opacity(h.alpha))
    cairo_fill_preserve(cr)
    stroke(.white, width: 0.5)
  }

  private func draw(_ h: Heatmap, _ panel: PanelLayout) {
    let g = h.grid
    // SVG and PDF viewers smooth embedded images, and Cairo 1.16 cannot ask them not to; blocky cells
    // (2-D histograms) are therefore drawn into an image with several pixels per cell.
    let repeats = h.smooth ? 1 : min(16, max(1, 600 / max(g.columns, g.rows)))
    guard let image = colourImage(g, h.colormap, h.colorRange, repeats: repeats) else { return }
    defer { cairo_surface_destroy(image) }
    let left = panel.x.position(g.x.lowerBound)
    let right = panel.x.position(g.x.upperBound)
    let top = panel.y.position(g.y.upperBound)
    let bottom = panel.y.position(g.y.lowerBound)
    let (columns, rows) = (Double(g.columns * repeats), Double(g.rows * repeats))
    cairo_save(cr)
    cairo_translate(cr, left, top)
    cairo_scale(cr, (right - left) / columns, (bottom - top) / rows)
    cairo_set_source_surface(cr, image, 0, 0)
    let pattern = cairo_get_source(cr)
    cairo_pattern_set_filter(pattern, h.smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
    cairo_rectangle(cr, 0, 0, columns, rows)
    cairo_fill(cr)
    cairo_restore(cr)
  }

  /// An image with `repeats × repeats` opaque pixels per grid cell (top row = highest y); non-finite cells
  /// are transparent.
  func colourImage(
    _ g: ScalarGrid, _ colormap: Colormap, _ range: ClosedRange<Double>, repeats: Int = 1
  )
    -> OpaquePointer?
  {
    let (width, height) = (g.columns * repeats, g.rows * repeats)
    guard let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    else {
      return nil
    }
    cairo_surface_flush(image)
    let stride = Int(cairo_image_surface_get_stride(image)) / 4
    let pixels = cairo_image_surface_get_data(image)!.withMemoryRebound(
      to: UInt32.self, capacity: stride * height
    ) { $0 }
    let scale = 1 / (range.upperBound - range.lowerBound)
    for y in 0..<height {
      let j = g.rows - 1 - y / repeats
      for x in 0..<width {
        let v = g.values[j * g.columns + x / repeats]
        pixels[y * stride + x] =
          v.isFinite ? 0xff00_0000 | colormap.rgb(at: (v - range.lowerBound) * scale) : 0
      }
    }
    cairo_surface_mark_dirty(image)
    return image
  }

  private func draw(_ c: Contour, _ panel: PanelLayout) {
    let range = c.levelRange
    for level in c.levels {
      for s in c.segments(at: level) {
        cairo_move_to(cr, panel.x.position(s.x0), panel.y.position(s.y0))
        cairo_line_to(cr, panel.x.position(s.x1), panel.y.position(s.y1))
      }
      let t = (level - range.lowerBound) / (range.upperBound - range.lowerBound)
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
      setColor(c.color ?? c.colormap.color(at: t))
      cairo_set_line_width(cr, c.width)
      cairo_stroke(cr)
    }
  }

  private func draw(_ p: Polylines, _ panel: PanelLayout) {
    for line in p.lines {
      addPolyline(
        line.map {
          $0.count >= 2 ? (panel.x.position($0[0]), panel.y.position($0[1])) : (.nan, .nan)
        })
    }
    stroke(p.color.opacity(p.alpha), width: p.width)
  }

  private func draw(_ q: Quiver, _ panel: PanelLayout) {
    let scale = q.scale ?? automaticScale(q)
    setColor(q.color)
    for k in q.x.indices where [q.x[k], q.y[k], q.u[k], q.v[k]].allSatisfy(\.isFinite) {
      let x0 = panel.x.position(q.x[k])
      let y0 = panel.y.position(q.y[k])
      let x1 = panel.x.position(q.x[k] + q.u[k] * scale)
      let y1 = panel.y.position(q.y[k] + q.v[k] * scale)
      drawArrow(x0, y0, x1, y1, width: q.width, color: q.color)
    }
  }

  /// Data units per unit of (u, v) so that the longest arrow is 90 % of the typical point spacing.
  private func automaticScale(_ q: Quiver) -> Double {
    let xs = widened(finiteBounds(q.x) ?? 0...1)
    let ys = widened(finiteBounds(q.y) ?? 0...1)
    let area = max((xs.upperBound - xs.lowerBound) * (ys.upperBound - ys.lowerBound), 1e-12)
    let spacing = (area / Double(max(q.x.count, 1))).squareRoot()
    let longest =
      zip(q.u, q.v).map { ($0 * $0 + $1 * $1).squareRoot() }.filter(\.isFinite).max() ?? 0
    return longest > 0 ? 0.9 * spacing / longest : 1
  }

  /// A shaft from (x0, y0) to (x1, y1) in points with a filled head at the end.
  func drawArrow(
    _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double, color: Color
  ) {
    let length = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot()
    guard length > 0.5 else { return }
    let head = min(4 + 2 * width, 0.4 * length)
    let shaftEnd = 1 - head * 0.8 / length
    cairo_move_to(cr, x0, y0)
    cairo_line_to(cr, x0 + (x1 - x0) * shaftEnd, y0 + (y1 - y0) * shaftEnd)
    stroke(color, width: width)
    addArrowHead(atX: x1, y: y1, dx: x1 - x0, dy: y1 - y0, length: head)
    setColor(color)
    cairo_fill(cr)
  }

  private func draw(_ a: Annotation, _ panel: PanelLayout) {
    let cx = panel.x.position(a.x)
    let cy = panel.y.position(a.y)
    if let target = a.target {
      let tx = panel.x.position(target.x)
      let ty = panel.y.position(target.y)
      // Start the arrow where the line towards the target leaves the text's box (plus a small gap).
      let dx = tx - cx
      let dy = ty - cy
      let extent = measurer.extent(of: RichText(markup: a.text), size: a.size)
      let exit = min(
        dx == 0 ? .infinity : (extent.width / 2 + 3) / abs(dx),
        dy == 0 ? .infinity : (extent.height / 2 + 3) / abs(dy))
      if exit < 1 { drawArrow(cx + dx * exit, cy + dy * exit, tx, ty, width: 0.9, color: a.color) }
    }
    drawTexts(
      [PlacedText(centering: a.text, size: a.size, atX: cx, y: cy, measurer: measurer)],
      color: a.color)
  }
}
