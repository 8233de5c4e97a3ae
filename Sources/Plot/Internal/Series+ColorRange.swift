extension Scatter {
  /// The values mapped to the colormap's ends: `valueRange`, or the finite min…max of `values` (widened if
  /// all equal); nil for a one-colour scatter. Layout (colorbar) and renderers use this same range.
  public var colorRange: ClosedRange<Double>? {
    guard let values else { return nil }
    return (valueRange ?? finiteBounds(values)).map(widened)
  }
}

extension Heatmap {
  /// The values mapped to the colormap's ends: `valueRange`, or the grid's finite min…max (widened if flat).
  public var colorRange: ClosedRange<Double> { widened(valueRange ?? grid.finiteRange ?? 0...1) }
}

extension Contour {
  /// The lowest…highest level, which the colormap spans when the contour has no single colour.
  public var levelRange: ClosedRange<Double> { widened(finiteBounds(levels) ?? 0...1) }
}
