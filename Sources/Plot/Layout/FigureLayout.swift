/// Where everything of a figure goes, decided before anything is drawn.
///
/// Layout measures every label with the renderer's font first (`TextMeasuring`), then sizes the margins
/// so tick labels, axis labels, titles and colorbars fit inside the figure, aligns panels of a row
/// (and of a column) with each other, and picks as many "nice" ticks as fit without labels touching.
public struct FigureLayout: Sendable {
  /// Figure width in points.
  public var width: Double
  /// Figure height in points.
  public var height: Double
  /// The figure title, if any.
  public var title: PlacedText?
  /// One layout per axes, in the figure's order.
  public var panels: [PanelLayout]

  /// Lays out `figure` (which should have passed `validate()`), measuring text with `measurer`.
  public init(_ figure: Figure, measurer: some TextMeasuring) {
    width = figure.width
    height = figure.height
    var band = 0.0
    if !figure.title.isEmpty {
      let placed = PlacedText(
        figure.title, size: PlotStyle.figureTitleSize, at: width / 2, PlotStyle.edge, .center, .top,
        measurer: measurer)
      title = placed
      band = placed.frame.maxY
    }
    let area = Rect(x: 0, y: band, width: width, height: height - band)
    panels = PanelArranger(figure: figure, area: area, measurer: measurer).arrange()
  }

  /// Every label's box (titles, axis and tick labels, colorbar and legend text), e.g. to check for overlaps.
  public var allText: [PlacedText] {
    (title.map { [$0] } ?? [])
      + panels.flatMap { $0.texts + ($0.legend?.entries.map(\.text) ?? []) }
  }
}

/// The layout of one axes.
public struct PanelLayout: Sendable {
  /// The plotting area; series are clipped to it.
  public var plot: Rect
  /// Maps x data values to horizontal positions.
  public var x: AxisMapping
  /// Maps y data values to vertical positions.
  public var y: AxisMapping
  /// The x ticks (marks, grid lines and labels).
  public var xTicks: [Tick]
  /// The y ticks (marks, grid lines and labels).
  public var yTicks: [Tick]
  /// Tick labels, axis labels and the title, already positioned.
  public var texts: [PlacedText]
  /// The colorbar, if the axes asked for one and has a colour-mapped series.
  public var colorbar: ColorbarLayout?
  /// The legend, if any series has a label.
  public var legend: LegendLayout?
}

/// A vertical colour key to the right of the plot.
public struct ColorbarLayout: Sendable {
  /// The gradient's rectangle.
  public var bar: Rect
  /// The colour scale shown.
  public var colormap: Colormap
  /// The values at the bottom and top of the bar.
  public var range: ClosedRange<Double>
  /// Value ticks along the bar.
  public var ticks: [Tick]

  /// The vertical position of value `v` along the bar.
  public func position(_ v: Double) -> Double {
    bar.maxY - (v - range.lowerBound) / (range.upperBound - range.lowerBound) * bar.height
  }
}

/// The legend box and its rows.
public struct LegendLayout: Sendable {
  /// The legend's frame, inside the plot area.
  public var box: Rect
  /// One row per labelled series.
  public var entries: [Entry]

  /// One legend row: the series it stands for, where its sample is drawn, and its label.
  public struct Entry: Sendable {
    /// Index of the series in its axes.
    public var seriesIndex: Int
    /// Where the series' sample (line, disc, bar) is drawn.
    public var swatch: Rect
    /// The placed label.
    public var text: PlacedText
  }
}
