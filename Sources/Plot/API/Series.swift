/// One thing drawn inside an axes, in data coordinates.
///
/// Series are plain values: functions given to `density`, `contour` or `deformedGrid` are sampled
/// when the series is added, so a `Figure` is `Sendable` and renders the same way every time.
public enum Series: Sendable {
  case scatter(Scatter)
  case line(Line)
  case histogram(Histogram)
  case heatmap(Heatmap)
  case contour(Contour)
  case polylines(Polylines)
  case quiver(Quiver)
  case annotation(Annotation)
}

/// Points drawn as filled discs, one colour or coloured by a value through a colormap.
public struct Scatter: Sendable {
  public var x: [Double]
  public var y: [Double]
  /// Disc diameter in points.
  public var size: Double
  public var color: Color
  /// Opacity of each disc; overlapping discs darken, which shows density.
  public var alpha: Double
  /// One value per point, mapped through `colormap` (overrides `color`); nil for one colour.
  public var values: [Double]?
  public var colormap: Colormap
  /// The value range mapped to the colormap's ends; nil for the finite min…max of `values`.
  public var valueRange: ClosedRange<Double>?
  /// The legend entry; nil keeps the series out of the legend.
  public var label: String?
}

/// How a line is stroked.
public enum LineStyle: Sendable { case solid, dashed, dotted }

/// The marker drawn at each vertex of a line.
public enum Marker: Sendable { case none, circle, square, triangle }

/// A polyline through (x[i], y[i]) in order, with an optional marker at each point.
public struct Line: Sendable {
  public var x: [Double]
  public var y: [Double]
  public var color: Color
  /// Stroke width in points.
  public var width: Double
  public var style: LineStyle
  public var marker: Marker
  public var label: String?
}

/// A 1-D histogram: `bins` equal-width bars over `range` (default: the finite min…max of the values).
public struct Histogram: Sendable {
  public var values: [Double]
  public var bins: Int
  public var range: ClosedRange<Double>?
  /// Scales bar heights so the total area is 1, comparable with a probability density.
  public var density: Bool
  public var color: Color
  public var alpha: Double
  public var label: String?
}

/// A colour image of a `ScalarGrid` (a sampled function or a 2-D histogram).
public struct Heatmap: Sendable {
  public var grid: ScalarGrid
  public var colormap: Colormap
  /// The value range mapped to the colormap's ends; nil for the finite min…max of the grid.
  public var valueRange: ClosedRange<Double>?
  /// Interpolates between cell centres (smooth functions) instead of showing blocky cells (histograms).
  public var smooth: Bool
}

/// Contour lines (iso-lines) of a `ScalarGrid` at given levels.
public struct Contour: Sendable {
  public var grid: ScalarGrid
  public var levels: [Double]
  /// One colour for all levels, or nil to colour each level through `colormap`.
  public var color: Color?
  public var colormap: Colormap
  public var width: Double
  public var label: String?
}

/// Free polylines in data coordinates, e.g. the images of a regular grid's lines under a map.
public struct Polylines: Sendable {
  /// Each line is a list of (x, y) points; non-finite points break a line in two.
  public var lines: [[[Double]]]
  public var color: Color
  public var width: Double
  public var alpha: Double
  public var label: String?
}

/// Arrows from (x[i], y[i]) along (u[i], v[i]) times `scale`.
public struct Quiver: Sendable {
  public var x: [Double]
  public var y: [Double]
  public var u: [Double]
  public var v: [Double]
  /// Data units per unit of (u, v); nil scales the longest arrow to the typical point spacing.
  public var scale: Double?
  public var color: Color
  public var width: Double
}

/// Text at a data position, optionally with an arrow pointing from the text to another point.
public struct Annotation: Sendable {
  /// The text, in FlowBook's label markup (see `RichText`).
  public var text: String
  public var x: Double
  public var y: Double
  /// Where the arrow points, or nil for plain text.
  public var target: (x: Double, y: Double)?
  public var color: Color
  /// Font size in points.
  public var size: Double
}
