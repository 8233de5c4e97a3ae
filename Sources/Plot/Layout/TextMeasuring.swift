/// The size of a piece of text as a renderer will draw it, in points.
public struct TextExtent: Sendable, Hashable {
  /// Advance width.
  public var width: Double
  /// Height above the baseline (positive) and depth below it (positive).
  public var ascent: Double
  /// Depth below the baseline (positive).
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
  func extent(_ markup: String, size: Double) -> TextExtent {
    extent(of: RichText(markup: markup), size: size)
  }
}

/// An axis-aligned rectangle in points, y growing downwards (figure coordinates).
public struct Rect: Sendable, Hashable {
  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width in points.
  public var width: Double
  /// Height in points.
  public var height: Double
  /// Right edge.
  public var maxX: Double { x + width }
  /// Bottom edge.
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
  /// Font size of tick labels.
  public static let tickLabelSize = 9.0
  /// Font size of axis and colorbar labels.
  public static let axisLabelSize = 10.0
  /// Font size of axes titles.
  public static let titleSize = 11.0
  /// Font size of the figure title.
  public static let figureTitleSize = 13.0
  /// Font size of legend entries.
  public static let legendSize = 9.0
  /// Outward tick mark length and the gap between a tick mark and its label.
  public static let tickLength = 3.5
  /// Gap between a tick mark and its label.
  public static let tickGap = 2.5
  /// Space between neighbouring text blocks, and around the figure's edge.
  public static let gap = 5.0
  /// Padding around each panel's cell.
  public static let edge = 6.0
  /// Colorbar: distance from the plot, and bar width.
  public static let colorbarGap = 10.0
  /// Width of the colorbar's gradient.
  public static let colorbarWidth = 12.0
  /// Sub- and superscripts: size factor and baseline shifts (fractions of the base size).
  public static let scriptScale = 0.7
  /// Subscript baseline drop (fraction of the font size).
  public static let lowerShift = 0.22
  /// Superscript baseline rise (fraction of the font size).
  public static let raiseShift = 0.42
}
