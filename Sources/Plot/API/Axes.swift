/// How data values map to positions along an axis.
public enum Scale: Sendable {
  case linear
  /// Base-10 logarithmic; values ≤ 0 cannot be shown and are skipped.
  case log
}

/// Where the legend box sits inside the axes.
public enum LegendPosition: Sendable, CaseIterable {
  /// The corner covering the fewest data points (ties: upper right, upper left, lower left, lower right).
  case best
  /// A fixed corner.
  case upperRight, upperLeft, lowerLeft, lowerRight
  /// No legend.
  case hidden
}

/// One plotting area: its series in data coordinates plus how the axes around them look.
///
/// Everything here is a description; `FigureLayout` decides sizes and tick positions, and a renderer draws.
/// Build one with the chainable methods of `AxesBuilding` (shared with `Figure`).
public struct Axes: Sendable {
  /// The series in drawing order (later ones on top).
  public var series: [Series] = []
  /// Title above the plot, axis labels below and to the left (label markup, see `RichText`).
  public var title = ""
  /// The x-axis label.
  public var xLabel = ""
  /// The y-axis label.
  public var yLabel = ""
  /// Explicit data limits; nil fits the data with a small margin.
  public var xLimits: ClosedRange<Double>?
  /// Explicit y limits; nil fits the data.
  public var yLimits: ClosedRange<Double>?
  /// How x values map to positions (linear or log).
  public var xScale = Scale.linear
  /// How y values map to positions (linear or log).
  public var yScale = Scale.linear
  /// Makes one data unit equally long in x and y (circles stay round), shrinking the plot area as needed.
  public var equalAspect = false
  /// Where the legend goes; it appears once a series has a label.
  public var legendPosition = LegendPosition.best
  /// The colorbar's label, or nil for no colorbar; it shows the last colour-mapped series.
  public var colorbarLabel: String?
  /// Light grid lines at the major ticks.
  public var showsGrid = true
  /// Fixed x ticks (data values and labels) instead of ones fitted to the axis; those outside the limits are dropped.
  public var xTicks: [Tick]?
  /// Fixed y ticks instead of fitted ones.
  public var yTicks: [Tick]?

  /// An empty axes with default styling.
  public init() {}

  /// The colour the next series takes when none is given: the next one in `Color.cycle`.
  var nextCycleColor: Color {
    let used = series.filter { series in
      switch series {
      case .scatter(let s): s.values == nil
      case .line, .histogram, .polylines: true
      case .heatmap, .contour, .quiver, .annotation: false
      }
    }.count
    return Color.cycle[used % Color.cycle.count]
  }
}
