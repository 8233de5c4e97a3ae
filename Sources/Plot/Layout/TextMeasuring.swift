/// The size of a piece of text as a renderer will draw it, in points.
public struct TextExtent: Sendable, Hashable {
  /// Advance width.
  public var width: Double
  /// Height above the baseline (positive) and depth below it (positive).
  public var ascent: Double
  public var descent: Double
  /// Total height, ascent plus descent.
  public var height: Double { ascent + descent }

  /// Creates an extent.
  public init(width: Double, ascent: Double, descent: Double) {
    self.width = width
    self.ascent = ascent
    self.descent = descent
  }
}

/// Measures label text for layout; implemented by each renderer with the font it draws with,
/// so that layout (which must happen before drawing) reserves exactly the space labels take.
public protocol TextMeasuring {
  /// The extent of `text` (label markup already parsed) at font size `size` in points.
  func extent(of text: RichText, size: Double) -> TextExtent
}

extension TextMeasuring {
  /// The extent of label markup.
  func extent(_ markup: String, size: Double) -> TextExtent { extent(of: RichText(markup: markup), size: size) }
}

/// An axis-aligned rectangle in points, y growing downwards (figure coordinates).
public struct Rect: Sendable, Hashable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double
  public var maxX: Double { x + width }
  public var maxY: Double { y + height }

  /// Creates a rectangle from its top-left corner and size.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// Whether the two rectangles overlap (touching edges do not count).
  public func intersects(_ other: Rect) -> Bool {
    x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
  }
}

/// The fixed sizes of FlowBook's figure style (points), shared by layout and renderers.
public enum PlotStyle {
  public static let tickLabelSize = 9.0
  public static let axisLabelSize = 10.0
  public static let titleSize = 11.0
  public static let figureTitleSize = 13.0
  public static let legendSize = 9.0
  /// Outward tick mark length and the gap between a tick mark and its label.
  public static let tickLength = 3.5
  public static let tickGap = 2.5
  /// Space between neighbouring text blocks, and around the figure's edge.
  public static let gap = 5.0
  public static let edge = 6.0
  /// Colorbar: distance from the plot, and bar width.
  public static let colorbarGap = 10.0
  public static let colorbarWidth = 12.0
  /// Sub- and superscripts: size factor and baseline shifts (fractions of the base size).
  public static let scriptScale = 0.7
  public static let lowerShift = 0.22
  public static let raiseShift = 0.42
}
