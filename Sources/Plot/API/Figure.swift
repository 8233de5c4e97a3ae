/// A backend-free figure: a size in points, an optional title, and a grid of axes ("panels").
///
/// A `Figure` only describes what to draw; `PlotCairo.CairoRenderer` turns it into SVG, PNG or PDF.
/// Every plotting method of `AxesBuilding` works on the figure directly and applies to the
/// *current* panel (the first one until `panel(_:)` picks another), so a whole figure is one chain:
///
///     Figure(columns: 3, sharedX: true, sharedY: true)
///       .panel(0).scatter(x, y).title("data")
///       .panel(1).scatter(zx, zy, color: .orange).title("latent")
///       .panel(2).density { x, y in exp(-(x * x + y * y) / 2) }.title("p_θ(x)")
public struct Figure: Sendable {
  /// Width and height in points (1/72 inch); PNGs have `scale` pixels per point.
  public var width: Double
  /// Height in points.
  public var height: Double
  /// The panel grid; `axes` holds `rows × columns` axes, row by row from the top-left.
  public let rows: Int
  /// Number of panel columns.
  public let columns: Int
  /// The panels' axes, row by row from the top-left.
  public var axes: [Axes]
  /// Title above all panels (label markup, see `RichText`); empty for none.
  public var title = ""
  /// Panels share x (y) limits; inner tick labels are then hidden, as in matplotlib's `sharex`/`sharey`.
  public var sharedX: Bool
  /// Panels share y limits; y tick labels show only in the first column.
  public var sharedY: Bool
  /// The panel the chainable methods act on.
  public private(set) var current = 0
  /// A `panel(_:)` request outside the grid, reported by `validate()` instead of crashing a chain.
  var invalidPanel: Int?

  /// Creates a figure with `rows × columns` empty panels. The default size gives each panel about
  /// 320 × 280 points (a single panel gets 480 × 360), like matplotlib's defaults.
  public init(
    width: Double? = nil, height: Double? = nil, rows: Int = 1, columns: Int = 1,
    sharedX: Bool = false, sharedY: Bool = false
  ) {
    let single = rows == 1 && columns == 1
    self.width = width ?? (single ? 480 : 40 + 300 * Double(max(columns, 1)))
    self.height = height ?? (single ? 360 : 40 + 270 * Double(max(rows, 1)))
    self.rows = rows
    self.columns = columns
    self.axes = Array(repeating: Axes(), count: max(rows, 0) * max(columns, 0))
    self.sharedX = sharedX
    self.sharedY = sharedY
  }

  /// Makes panel `index` (row by row from the top-left, from 0) the current one.
  public func panel(_ index: Int) -> Figure {
    var copy = self
    if axes.indices.contains(index) { copy.current = index } else { copy.invalidPanel = index }
    return copy
  }

  /// Makes the panel at (`row`, `column`), counted from 0 at the top-left, the current one.
  public func panel(row: Int, column: Int) -> Figure {
    guard (0..<columns).contains(column) else { return panel(-1 - column) }
    return panel(row * columns + column)
  }

  /// Sets the title above all panels.
  public func figureTitle(_ text: String) -> Figure {
    var copy = self
    copy.title = text
    return copy
  }

  /// Sets the size in points.
  public func size(width: Double, height: Double) -> Figure {
    var copy = self
    copy.width = width
    copy.height = height
    return copy
  }
}

extension Figure: AxesBuilding {
  /// Applies `update` to the current panel.
  public func updatingAxes(_ update: (inout Axes) -> Void) -> Figure {
    var copy = self
    if copy.axes.indices.contains(current) { update(&copy.axes[current]) }
    return copy
  }
}
