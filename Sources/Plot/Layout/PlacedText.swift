/// A label positioned by layout: where its baseline starts and the box it occupies.
public struct PlacedText: Sendable {
  /// How a label is anchored to the point it is placed at.
  enum Horizontal { case left, center, right }
  enum Vertical { case top, middle, bottom }

  /// The label (markup parsed).
  public var text: RichText
  /// Font size in points.
  public var size: Double
  /// Start of the baseline. Vertical text is rotated a quarter turn anticlockwise about this point.
  public var originX: Double
  /// Baseline y of the text start.
  public var originY: Double
  /// Reads bottom to top (y-axis and colorbar labels).
  public var vertical: Bool
  /// The box the text occupies, in figure points.
  public var frame: Rect

  /// Places `markup` centred on (x, y), e.g. an annotation in the plot area.
  public init(
    centering markup: String, size: Double, atX x: Double, y: Double, measurer: some TextMeasuring
  ) {
    self.init(markup, size: size, at: x, y, .center, .middle, measurer: measurer)
  }

  /// Places `markup` so that its box is anchored at (x, y) as `horizontal`/`vertical` say.
  init(
    _ markup: String, size: Double, at x: Double, _ y: Double, _ horizontal: Horizontal,
    _ verticalAnchor: Vertical,
    vertical: Bool = false, measurer: some TextMeasuring
  ) {
    let text = RichText(markup: markup)
    let e = measurer.extent(of: text, size: size)
    let (w, h) = vertical ? (e.height, e.width) : (e.width, e.height)
    let left = x - (horizontal == .center ? w / 2 : horizontal == .right ? w : 0)
    let top = y - (verticalAnchor == .middle ? h / 2 : verticalAnchor == .bottom ? h : 0)
    self.text = text
    self.size = size
    self.vertical = vertical
    self.frame = Rect(x: left, y: top, width: w, height: h)
    self.originX = vertical ? left + e.ascent : left
    self.originY = vertical ? top + h : top + e.ascent
  }
}
