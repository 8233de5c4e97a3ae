/// The chainable plotting vocabulary, shared by `Axes` and `Figure` (where it acts on the current panel).
///
/// Each method returns a changed copy, so calls chain: `Figure().line(loss, label: "train").logY()`.
/// Conformers implement only `updatingAxes(_:)`.
public protocol AxesBuilding {
  /// Returns a copy whose (current) axes has been changed by `update`.
  func updatingAxes(_ update: (inout Axes) -> Void) -> Self
}

extension Axes: AxesBuilding {
  /// Returns a copy changed by `update`.
  public func updatingAxes(_ update: (inout Axes) -> Void) -> Axes {
    var copy = self
    update(&copy)
    return copy
  }
}

// MARK: - Titles, labels, limits and scales

extension AxesBuilding {
  /// Sets the axes title (label markup: `p_θ(x)`, `z^2`, `\sigma`; see `RichText`).
  public func title(_ text: String) -> Self { updatingAxes { $0.title = text } }

  /// Sets the x-axis label.
  public func xLabel(_ text: String) -> Self { updatingAxes { $0.xLabel = text } }

  /// Sets the y-axis label.
  public func yLabel(_ text: String) -> Self { updatingAxes { $0.yLabel = text } }

  /// Sets both axis labels.
  public func labels(x: String, y: String) -> Self {
    updatingAxes {
      $0.xLabel = x
      $0.yLabel = y
    }
  }

  /// Fixes the x range instead of fitting the data.
  public func xLimits(_ range: ClosedRange<Double>) -> Self { updatingAxes { $0.xLimits = range } }

  /// Fixes the y range instead of fitting the data.
  public func yLimits(_ range: ClosedRange<Double>) -> Self { updatingAxes { $0.yLimits = range } }

  /// Fixes both ranges.
  public func limits(x: ClosedRange<Double>, y: ClosedRange<Double>) -> Self {
    updatingAxes {
      $0.xLimits = x
      $0.yLimits = y
    }
  }

  /// Uses a base-10 log scale for y (training losses); values ≤ 0 are skipped.
  public func logY() -> Self { updatingAxes { $0.yScale = .log } }

  /// Uses a base-10 log scale for x; values ≤ 0 are skipped.
  public func logX() -> Self { updatingAxes { $0.xScale = .log } }

  /// Makes one unit as long in x as in y, so circles stay round and a flow's deformation is not distorted.
  public func equalAspect() -> Self { updatingAxes { $0.equalAspect = true } }

  /// Moves (or hides) the legend; it appears by itself as soon as a series has a `label`.
  public func legend(_ position: LegendPosition) -> Self {
    updatingAxes { $0.legendPosition = position }
  }

  /// Adds a colorbar for the last colour-mapped series (density, 2-D histogram, coloured scatter, contour).
  public func colorbar(_ label: String = "") -> Self { updatingAxes { $0.colorbarLabel = label } }

  /// Puts the x ticks at `values` (data units), labelled by `labels` or formatted like fitted ticks;
  /// e.g. the edges of a checkerboard's squares, or named categories of a bar chart.
  public func xTicks(_ values: [Double], labels: [String]? = nil) -> Self {
    updatingAxes { $0.xTicks = fixedTicks(values, labels) }
  }

  /// Puts the y ticks at `values` (data units), labelled by `labels` or formatted like fitted ticks.
  public func yTicks(_ values: [Double], labels: [String]? = nil) -> Self {
    updatingAxes { $0.yTicks = fixedTicks(values, labels) }
  }

  /// Shows or hides the light grid lines (shown by default).
  public func grid(_ visible: Bool) -> Self { updatingAxes { $0.showsGrid = visible } }
}

/// Ticks at `values` with `labels` (one per value; missing ones formatted like fitted ticks).
private func fixedTicks(_ values: [Double], _ labels: [String]?) -> [Tick] {
  let step = zip(values, values.dropFirst()).map { abs($1 - $0) }.filter { $0 > 0 }.min()
  let formatted = TickLocator.format(values, step: step)
  return values.indices.map { i in
    Tick(value: values[i], label: labels.flatMap { i < $0.count ? $0[i] : nil } ?? formatted[i])
  }
}
