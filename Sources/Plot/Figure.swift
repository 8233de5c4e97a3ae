/// A backend-free figure: a size in points and the axes drawn on it.
///
/// A `Figure` only describes what to draw; a renderer (see `PlotCairo`) turns it into SVG, PNG or PDF.
public struct Figure: Sendable {
  /// Width and height in points (1/72 inch).
  public var width: Double
  public var height: Double
  /// The axes, each with its own frame in figure coordinates (0…1 from the top-left).
  public var axes: [Axes]

  /// Creates a figure of the given size in points with one axes filling it.
  public init(width: Double = 480, height: Double = 360) {
    self.width = width
    self.height = height
    self.axes = [Axes()]
  }
}
