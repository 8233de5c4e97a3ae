import CCairo
import Foundation
import Plot

/// Errors from drawing a figure with Cairo; each names the file it concerns.
public enum CairoRenderError: Error, CustomStringConvertible {
  case surfaceFailed(path: String, status: String)

  public var description: String {
    switch self {
    case .surfaceFailed(let path, let status): "could not write \(path): \(status)"
    }
  }
}

/// Draws a `Figure` with Cairo into SVG or PNG files.
public enum CairoRenderer {
  /// Writes the figure as SVG to `path`.
  public static func writeSVG(_ figure: Figure, to path: String) throws {
    let surface = cairo_svg_surface_create(path, figure.width, figure.height)
    try draw(figure, on: surface, path: path)
    cairo_surface_finish(surface)
    cairo_surface_destroy(surface)
  }

  /// Writes the figure as PNG to `path` at `scale` pixels per point.
  public static func writePNG(_ figure: Figure, to path: String, scale: Double = 2) throws {
    let surface = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, Int32(figure.width * scale), Int32(figure.height * scale))
    cairo_surface_set_device_scale(surface, scale, scale)
    try draw(figure, on: surface, path: path)
    let status = cairo_surface_write_to_png(surface, path)
    cairo_surface_destroy(surface)
    if status != CAIRO_STATUS_SUCCESS {
      throw CairoRenderError.surfaceFailed(path: path, status: String(cString: cairo_status_to_string(status)))
    }
  }

  private static func draw(_ figure: Figure, on surface: OpaquePointer?, path: String) throws {
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
      throw CairoRenderError.surfaceFailed(path: path, status: String(cString: cairo_status_to_string(status)))
    }
    let cr = cairo_create(surface)
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    for axes in figure.axes {
      draw(axes, in: (x: 40, y: 30, width: figure.width - 60, height: figure.height - 60), cr: cr)
    }
  }

  private static func draw(
    _ axes: Axes, in frame: (x: Double, y: Double, width: Double, height: Double), cr: OpaquePointer?
  ) {
    let xs = axes.scatters.flatMap(\.x)
    let ys = axes.scatters.flatMap(\.y)
    let (x0, x1) = (xs.min() ?? 0, xs.max() ?? 1)
    let (y0, y1) = (ys.min() ?? 0, ys.max() ?? 1)
    func px(_ x: Double) -> Double { frame.x + (x - x0) / max(x1 - x0, 1e-12) * frame.width }
    func py(_ y: Double) -> Double { frame.y + frame.height - (y - y0) / max(y1 - y0, 1e-12) * frame.height }

    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2)
    cairo_set_line_width(cr, 1)
    cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height)
    cairo_stroke(cr)

    cairo_set_source_rgba(cr, 0.12, 0.47, 0.71, 0.7)
    for series in axes.scatters {
      for (x, y) in zip(series.x, series.y) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, px(x), py(y), series.size, 0, 2 * Double.pi)
      }
      cairo_fill(cr)
    }

    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(cr, 13)
    cairo_set_source_rgb(cr, 0, 0, 0)
    cairo_move_to(cr, frame.x, frame.y - 10)
    cairo_show_text(cr, axes.title)
  }
}
