import CCairo
import Foundation
import Plot

/// Errors from drawing with Cairo or writing the result; each names what failed.
public enum CairoRenderError: Error, Equatable, CustomStringConvertible {
  /// Cairo could not create or finish a surface (e.g. out of memory), with Cairo's own reason.
  case cairoFailed(format: String, status: String)
  /// The output file could not be written.
  case cannotWrite(path: String, reason: String)
  /// A PNG scale outside 0.25…8, or one that makes the image larger than Cairo allows.
  case invalidScale(Double)

  public var description: String {
    switch self {
    case .cairoFailed(let format, let status): "Cairo could not draw the \(format): \(status)"
    case .cannotWrite(let path, let reason): "could not write \(path): \(reason)"
    case .invalidScale(let scale):
      "PNG scale \(scale) is invalid: use 0.25…8 and at most 32767 pixels per side"
    }
  }
}

/// Draws a `Figure` with Cairo as SVG (for HTML), PNG (1× or 2×) or PDF (vector, for print).
///
/// Output is deterministic: the same figure gives byte-identical files. SVG element ids (Cairo's
/// `glyph0-1`, `clip1`, …) get a prefix derived from the content, so several SVGs can be inlined in one
/// HTML page without their glyphs clashing; PDF creation and modification dates are fixed.
/// Invalid figures throw `PlotError` before anything is written.
public enum CairoRenderer {
  /// The SVG document of `figure`.
  public static func svg(_ figure: Figure) throws -> Data {
    try figure.validate()
    let sink = ByteSink()
    let surface = cairo_svg_surface_create_for_stream(
      ByteSink.write, sink.pointer, figure.width, figure.height)
    try render(figure, on: surface, format: "SVG")
    return SVGIdentifiers.prefixed(sink.data)
  }

  /// The PNG image of `figure` at `scale` pixels per point (1 for thumbnails, 2 for sharp screens).
  public static func png(_ figure: Figure, scale: Double = 2) throws -> Data {
    try figure.validate()
    let pixels = (
      width: Int32((figure.width * scale).rounded()),
      height: Int32((figure.height * scale).rounded())
    )
    guard (0.25...8).contains(scale), max(figure.width, figure.height) * scale <= 32767 else {
      throw CairoRenderError.invalidScale(scale)
    }
    let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels.width, pixels.height)
    defer { cairo_surface_destroy(surface) }
    try draw(figure, on: surface, scale: scale, raster: true, format: "PNG")
    do {
      return try PNGEncoder.encode(surface!)
    } catch {
      throw CairoRenderError.cairoFailed(format: "PNG", status: "compression failed (\(error))")
    }
  }

  /// The PDF document of `figure`, one page of `width × height` points.
  public static func pdf(_ figure: Figure) throws -> Data {
    try figure.validate()
    let sink = ByteSink()
    let surface = cairo_pdf_surface_create_for_stream(
      ByteSink.write, sink.pointer, figure.width, figure.height)
    // Fixed dates keep the file byte-identical between runs (Cairo would write the current time).
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "FlowBook")
    try render(figure, on: surface, format: "PDF")
    return sink.data
  }

  /// Writes the figure as SVG to `path`.
  public static func writeSVG(_ figure: Figure, to path: String) throws {
    try write(svg(figure), to: path)
  }

  /// Writes the figure as PNG to `path` at `scale` pixels per point.
  public static func writePNG(_ figure: Figure, to path: String, scale: Double = 2) throws {
    try write(png(figure, scale: scale), to: path)
  }

  /// Writes the figure as PDF to `path`.
  public static func writePDF(_ figure: Figure, to path: String) throws {
    try write(pdf(figure), to: path)
  }

  // MARK: - Surfaces

  /// Draws on a vector (stream) surface, then finishes it so every byte reaches the sink.
  private static func render(_ figure: Figure, on surface: OpaquePointer?, format: String) throws {
    defer { cairo_surface_destroy(surface) }
    try draw(figure, on: surface, scale: 1, raster: false, format: format)
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), format)
  }

  private static func draw(
    _ figure: Figure, on surface: OpaquePointer?, scale: Double, raster: Bool, format: String
  ) throws {
    try check(cairo_surface_status(surface), format)
    let cr = cairo_create(surface)!
    defer { cairo_destroy(cr) }
    cairo_scale(cr, scale, scale)
    let measurer = CairoTextMeasurer()
    let layout = FigureLayout(figure, measurer: measurer)
    CairoPainter(cr: cr, measurer: measurer, rasterScale: raster ? scale : nil).draw(figure, layout)
    try check(cairo_status(cr), format)
  }

  private static func check(_ status: cairo_status_t, _ format: String) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
      throw CairoRenderError.cairoFailed(
        format: format, status: String(cString: cairo_status_to_string(status)))
    }
  }

  private static func write(_ data: Data, to path: String) throws {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CairoRenderError.cannotWrite(
        path: path, reason: (error as NSError).localizedDescription)
    }
  }
}

/// Collects the bytes Cairo streams out (SVG, PDF, PNG) so files are written in one piece.
final class ByteSink {
  var data = Data()
  var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  static let write: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(
      bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
  }
}
