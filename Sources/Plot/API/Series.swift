/// One thing drawn inside an axes, in data coordinates.
///
/// Series are plain values: functions given to `density`, `contour` or `deformedGrid` are sampled
/// when the series is added, so a `Figure` is `Sendable` and renders the same way every time.
public enum Series: Sendable {
  /// Discs at points.
  case scatter(Scatter)
  /// A polyline, optionally with markers.
  case line(Line)
  /// Bars of a 1-D histogram.
  case histogram(Histogram)
  /// A colour image of grid values (density or 2-D histogram).
  case heatmap(Heatmap)
  /// Iso-lines of grid values.
  case contour(Contour)
  /// Free polylines (deformed grids, trajectories).
  case polylines(Polylines)
  /// Arrows.
  case quiver(Quiver)
  /// Text, optionally with an arrow.
  case annotation(Annotation)
}

/// Points drawn as filled discs, one colour or coloured by a value through a colormap.
public struct Scatter: Sendable {
  /// x coordinates in data units.
  public var x: [Double]
  /// y coordinates in data units.
  public var y: [Double]
  /// Disc diameter in points.
  public var size: Double
  /// The colour (for scatters: when not coloured by value).
  public var color: Color
  /// Opacity of each disc; overlapping discs darken, which shows density.
  public var alpha: Double
  /// One value per point, mapped through `colormap` (overrides `color`); nil for one colour.
  public var values: [Double]?
  /// The colour scale used for values.
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
  /// x coordinates in data units.
  public var x: [Double]
  /// y coordinates in data units.
  public var y: [Double]
  /// The colour (for scatters: when not coloured by value).
  public var color: Color
  /// Stroke width in points.
  public var width: Double
  /// Solid, dashed or dotted.
  public var style: LineStyle
  /// The marker drawn at each point, or none.
  public var marker: Marker
  /// The legend entry; nil keeps the series out of the legend.
  public var label: String?
}

/// A 1-D histogram: `bins` equal-width bars over `range` (default: the finite min…max of the values).
public struct Histogram: Sendable {
  /// The samples to count; non-finite ones are skipped.
  public var values: [Double]
  /// Number of equal-width bins.
  public var bins: Int
  /// The binned range; nil for the finite min…max of the values.
  public var range: ClosedRange<Double>?
  /// Scales bar heights so the total area is 1, comparable with a probability density.
  public var density: Bool
  /// The colour (for scatters: when not coloured by value).
  public var color: Color
  /// Opacity in 0…1.
  public var alpha: Double
  /// The legend entry; nil keeps the series out of the legend.
  public var label: String?
}

/// A colour image of a `ScalarGrid` (a sampled function or a 2-D histogram).
public struct Heatmap: Sendable {
  /// The sampled values.
  public var grid: ScalarGrid
  /// The colour scale used for values.
  public var colormap: Colormap
  /// The value range mapped to the colormap's ends; nil for the finite min…max of the grid.
  public var valueRange: ClosedRange<Double>?
  /// Interpolates between cell centres (smooth functions) instead of showing blocky cells (histograms).
  public var smooth: Bool
}

/// Contour lines (iso-lines) of a `ScalarGrid` at given levels.
public struct Contour: Sendable {
  /// The sampled values.
  public var grid: ScalarGrid
  /// The values at which lines are drawn.
  public var levels: [Double]
  /// One colour for all levels, or nil to colour each level through `colormap`.
  public var color: Color?
  /// The colour scale used for values.
  public var colormap: Colormap
  /// Line width in points.
  public var width: Double
  /// The legend entry; nil keeps the series out of the legend.
  public var label: String?
}

/// Free polylines in data coordinates, e.g. the images of a regular grid's lines under a map.
public struct Polylines: Sendable {
  /// Each line is a list of (x, y) points; non-finite points break a line in two.
  public var lines: [[[Double]]]
  /// The colour (for scatters: when not coloured by value).
  public var color: Color
  /// Line width in points.
  public var width: Double
  /// Opacity in 0…1.
  public var alpha: Double
  /// The legend entry; nil keeps the series out of the legend.
  public var label: String?
}

/// Arrows from (x[i], y[i]) along (u[i], v[i]) times `scale`.
public struct Quiver: Sendable {
  /// x coordinates in data units.
  public var x: [Double]
  /// y coordinates in data units.
  public var y: [Double]
  /// x components of the arrows.
  public var u: [Double]
  /// y components of the arrows.
  public var v: [Double]
  /// Data units per unit of (u, v); nil scales the longest arrow to the typical point spacing.
  public var scale: Double?
  /// The colour (for scatters: when not coloured by value).
  public var color: Color
  /// Line width in points.
  public var width: Double
}

/// Text at a data position, optionally with an arrow pointing from the text to another point.
public struct Annotation: Sendable {
  /// The text, in FlowBook's label markup (see `RichText`).
  public var text: String
  /// x coordinates in data units.
  public var x: Double
  /// y coordinates in data units.
  public var y: Double
  /// Where the arrow points, or nil for plain text.
  public var target: (x: Double, y: Double)?
  /// The colour (for scatters: when not coloured by value).
  public var color: Color
  /// Font size in points.
  public var size: Double
}
