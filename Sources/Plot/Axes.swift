/// One plotting area: a title, axis labels and the series drawn in data coordinates.
public struct Axes: Sendable {
  public var title: String = ""
  public var xLabel: String = ""
  public var yLabel: String = ""
  public var scatters: [Scatter] = []

  public init() {}
}

/// Points drawn as filled discs.
public struct Scatter: Sendable {
  public var x: [Double]
  public var y: [Double]
  /// Disc radius in points.
  public var size: Double
  public init(x: [Double], y: [Double], size: Double = 2) {
    precondition(x.count == y.count, "scatter needs as many x as y values, got \(x.count) and \(y.count)")
    self.x = x
    self.y = y
    self.size = size
  }
}

extension Figure {
  /// Adds a scatter series to the first axes and returns the figure, so calls chain.
  public func scatter(_ x: [Double], _ y: [Double], size: Double = 2) -> Figure {
    var copy = self
    copy.axes[0].scatters.append(Scatter(x: x, y: y, size: size))
    return copy
  }

  /// Sets the first axes' title.
  public func title(_ text: String) -> Figure {
    var copy = self
    copy.axes[0].title = text
    return copy
  }
}
