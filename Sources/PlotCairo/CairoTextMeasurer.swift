import CCairo
import Foundation
import Plot

/// Measures and draws label text with Cairo's text API in DejaVu Sans.
///
/// Hinting of metrics is off, so a label measures the same at any scale: layout done once is valid for
/// SVG, PDF and PNG at 1× or 2×. Sub- and superscripts are runs at `PlotStyle.scriptScale` of the size,
/// shifted by `PlotStyle.lowerShift`/`raiseShift` (see `RichText` for why not Pango).
final class CairoTextMeasurer: TextMeasuring {
  static let fontFamily = "DejaVu Sans"
  private let surface: OpaquePointer
  private let cr: OpaquePointer

  init() {
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    cr = cairo_create(surface)
    Self.configureFont(cr)
  }

  deinit {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  /// Selects the font and the scale-independent font options on a context.
  static func configureFont(_ cr: OpaquePointer) {
    cairo_select_font_face(cr, fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    cairo_set_font_options(cr, options)
    cairo_font_options_destroy(options)
  }

  func extent(of text: RichText, size: Double) -> TextExtent {
    var font = cairo_font_extents_t()
    cairo_set_font_size(cr, size)
    cairo_font_extents(cr, &font)
    var ascent = font.ascent
    var descent = font.descent
    var width = 0.0
    for run in text.runs {
      let runSize = Self.size(of: run, base: size)
      cairo_set_font_size(cr, runSize)
      var extents = cairo_text_extents_t()
      cairo_text_extents(cr, run.text, &extents)
      width += extents.x_advance
      let shift = Self.baselineShift(of: run, base: size)
      ascent = max(ascent, font.ascent * runSize / size - shift)
      descent = max(descent, font.descent * runSize / size + shift)
    }
    return TextExtent(width: width, ascent: ascent, descent: descent)
  }

  /// The font size of a run: smaller for sub- and superscripts.
  static func size(of run: RichText.Run, base: Double) -> Double {
    run.position == .base ? base : base * PlotStyle.scriptScale
  }

  /// How far a run's baseline sits below the main baseline (negative: above).
  static func baselineShift(of run: RichText.Run, base: Double) -> Double {
    switch run.position {
    case .base: 0
    case .lowered: base * PlotStyle.lowerShift
    case .raised: -base * PlotStyle.raiseShift
    }
  }

  /// Draws placed text (rotating vertical labels) in the current source colour.
  static func draw(_ placed: PlacedText, on cr: OpaquePointer) {
    cairo_save(cr)
    cairo_translate(cr, placed.originX, placed.originY)
    if placed.vertical { cairo_rotate(cr, -Double.pi / 2) }
    var x = 0.0
    for run in placed.text.runs {
      let size = size(of: run, base: placed.size)
      cairo_set_font_size(cr, size)
      cairo_move_to(cr, x, baselineShift(of: run, base: placed.size))
      cairo_show_text(cr, run.text)
      var extents = cairo_text_extents_t()
      cairo_text_extents(cr, run.text, &extents)
      x += extents.x_advance
    }
    cairo_restore(cr)
  }
}
