// MARK: - Points, lines and histograms

extension AxesBuilding {
  /// Scatter plot of (x[i], y[i]) as discs `size` points wide. Non-finite points are skipped.
  public func scatter(
    _ x: [Double], _ y: [Double], size: Double = 4, color: Color? = nil, alpha: Double = 0.8,
    label: String? = nil
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .scatter(
          Scatter(
            x: x, y: y, size: size, color: color ?? axes.nextCycleColor, alpha: alpha, values: nil,
            colormap: .viridis, valueRange: nil, label: label)))
    }
  }

  /// Scatter plot of `points`, an n × 2 list of [x, y] rows (how flows hand out samples).
  public func scatter(
    _ points: [[Double]], size: Double = 4, color: Color? = nil, alpha: Double = 0.8,
    label: String? = nil
  ) -> Self {
    scatter(
      points.map { $0.first ?? .nan }, points.map { $0.count > 1 ? $0[1] : .nan }, size: size,
      color: color,
      alpha: alpha, label: label)
  }

  /// Scatter plot coloured by `values` through `colormap` (add `.colorbar("…")` for a key).
  public func scatter(
    _ x: [Double], _ y: [Double], values: [Double], colormap: Colormap = .viridis,
    range: ClosedRange<Double>? = nil, size: Double = 4, alpha: Double = 0.9, label: String? = nil
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .scatter(
          Scatter(
            x: x, y: y, size: size, color: .gray, alpha: alpha, values: values, colormap: colormap,
            valueRange: range, label: label)))
    }
  }

  /// Line through (x[i], y[i]); non-finite points break the line. Several calls give several series.
  public func line(
    _ x: [Double], _ y: [Double], color: Color? = nil, width: Double = 1.75,
    style: LineStyle = .solid,
    marker: Marker = .none, label: String? = nil
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .line(
          Line(
            x: x, y: y, color: color ?? axes.nextCycleColor, width: width, style: style,
            marker: marker,
            label: label)))
    }
  }

  /// Line through (i, y[i]) for i = 0, 1, 2, … — a training curve indexed by step.
  public func line(
    _ y: [Double], color: Color? = nil, width: Double = 1.75, style: LineStyle = .solid,
    marker: Marker = .none, label: String? = nil
  ) -> Self {
    line(
      y.indices.map(Double.init), y, color: color, width: width, style: style, marker: marker,
      label: label)
  }

  /// Histogram of `values` in `bins` equal bins over `range` (default: their min…max); non-finite
  /// values are skipped. With `density`, the bars' total area is 1.
  public func histogram(
    _ values: [Double], bins: Int = 30, range: ClosedRange<Double>? = nil, density: Bool = false,
    color: Color? = nil, alpha: Double = 0.75, label: String? = nil
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .histogram(
          Histogram(
            values: values, bins: bins, range: range, density: density,
            color: color ?? axes.nextCycleColor,
            alpha: alpha, label: label)))
    }
  }
}

// MARK: - Densities and contours

extension AxesBuilding {
  /// Colour image of `f(x, y)` sampled on a `resolution × resolution` grid over `x × y`
  /// (e.g. a learned density `exp(logProb)`); non-finite values are drawn transparent.
  public func density(
    x: ClosedRange<Double> = -3...3, y: ClosedRange<Double> = -3...3, resolution: Int = 200,
    colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil,
    _ f: (Double, Double) -> Double
  ) -> Self {
    heatmap(
      ScalarGrid(sampling: f, x: x, y: y, resolution: resolution), colormap: colormap, range: range,
      smooth: true)
  }

  /// 2-D histogram of the points (x[i], y[i]) in `bins × bins` cells over `x × y` (default: the data's
  /// bounds); out-of-range and non-finite points are skipped. With `density`, the cells integrate to 1.
  public func histogram2D(
    _ xs: [Double], _ ys: [Double], bins: Int = 64, x: ClosedRange<Double>? = nil,
    y: ClosedRange<Double>? = nil, density: Bool = true, colormap: Colormap = .viridis
  ) -> Self {
    let xRange = x ?? finiteBounds(xs) ?? 0...1
    let yRange = y ?? finiteBounds(ys) ?? 0...1
    let grid = ScalarGrid(histogramOf: xs, ys, bins: bins, x: xRange, y: yRange, density: density)
    return heatmap(grid, colormap: colormap, range: nil, smooth: false)
  }

  /// Colour image of precomputed grid values; `smooth` interpolates between cells.
  public func heatmap(
    _ grid: ScalarGrid, colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil,
    smooth: Bool = false
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .heatmap(Heatmap(grid: grid, colormap: colormap, valueRange: range, smooth: smooth)))
    }
  }

  /// Contour lines of `f(x, y)` over `x × y`, at `levels` or at `levelCount` evenly spaced values
  /// strictly between the sampled minimum and maximum. One `color`, or each level through `colormap`.
  public func contour(
    x: ClosedRange<Double> = -3...3, y: ClosedRange<Double> = -3...3, levels: [Double]? = nil,
    levelCount: Int = 7, resolution: Int = 100, color: Color? = nil, colormap: Colormap = .viridis,
    width: Double = 1.2, label: String? = nil, _ f: (Double, Double) -> Double
  ) -> Self {
    contour(
      ScalarGrid(sampling: f, x: x, y: y, resolution: resolution), levels: levels,
      levelCount: levelCount,
      color: color, colormap: colormap, width: width, label: label)
  }

  /// Contour lines of precomputed grid values (e.g. a `ScalarGrid(histogramOf:…)` of samples).
  public func contour(
    _ grid: ScalarGrid, levels: [Double]? = nil, levelCount: Int = 7, color: Color? = nil,
    colormap: Colormap = .viridis, width: Double = 1.2, label: String? = nil
  ) -> Self {
    let chosen = levels ?? evenlySpacedLevels(in: grid.finiteRange, count: levelCount)
    return updatingAxes { axes in
      axes.series.append(
        .contour(
          Contour(
            grid: grid, levels: chosen, color: color, colormap: colormap, width: width, label: label
          )))
    }
  }
}

func evenlySpacedLevels(in range: ClosedRange<Double>?, count: Int) -> [Double] {
  guard let range, count > 0, range.upperBound > range.lowerBound else { return [] }
  let step = (range.upperBound - range.lowerBound) / Double(count + 1)
  return (1...count).map { range.lowerBound + Double($0) * step }
}
