// MARK: - Any floating-point data

/// The data-taking methods also accept `[Float]` (what `Tensor.scalars` and `Tensor.rows` give) and other
/// floating-point arrays, converted to `Double`; `[Double]` and literals use the main overloads.
extension AxesBuilding {
  /// Scatter plot of floating-point data (see the `[Double]` overload).
  public func scatter<T: BinaryFloatingPoint>(
    _ x: [T], _ y: [T], size: Double = 4, color: Color? = nil, alpha: Double = 0.8,
    label: String? = nil
  ) -> Self {
    scatter(doubles(x), doubles(y), size: size, color: color, alpha: alpha, label: label)
  }

  /// Scatter plot of n × 2 floating-point rows, e.g. `tensor.rows`.
  public func scatter<T: BinaryFloatingPoint>(
    _ points: [[T]], size: Double = 4, color: Color? = nil, alpha: Double = 0.8,
    label: String? = nil
  ) -> Self {
    scatter(points.map { doubles($0) }, size: size, color: color, alpha: alpha, label: label)
  }

  /// Scatter plot coloured by value, of floating-point data (see the `[Double]` overload).
  public func scatter<T: BinaryFloatingPoint>(
    _ x: [T], _ y: [T], values: [T], colormap: Colormap = .viridis,
    range: ClosedRange<Double>? = nil,
    size: Double = 4, alpha: Double = 0.9, label: String? = nil
  ) -> Self {
    scatter(
      doubles(x), doubles(y), values: doubles(values), colormap: colormap, range: range, size: size,
      alpha: alpha, label: label)
  }

  /// Line through floating-point data (see the `[Double]` overload).
  public func line<T: BinaryFloatingPoint>(
    _ x: [T], _ y: [T], color: Color? = nil, width: Double = 1.75, style: LineStyle = .solid,
    marker: Marker = .none, label: String? = nil
  ) -> Self {
    line(
      doubles(x), doubles(y), color: color, width: width, style: style, marker: marker, label: label
    )
  }

  /// Line through (i, y[i]) of floating-point data, e.g. losses recorded as `Float`.
  public func line<T: BinaryFloatingPoint>(
    _ y: [T], color: Color? = nil, width: Double = 1.75, style: LineStyle = .solid,
    marker: Marker = .none,
    label: String? = nil
  ) -> Self {
    line(doubles(y), color: color, width: width, style: style, marker: marker, label: label)
  }

  /// Histogram of floating-point values (see the `[Double]` overload).
  public func histogram<T: BinaryFloatingPoint>(
    _ values: [T], bins: Int = 30, range: ClosedRange<Double>? = nil, density: Bool = false,
    color: Color? = nil, alpha: Double = 0.75, label: String? = nil
  ) -> Self {
    histogram(
      doubles(values), bins: bins, range: range, density: density, color: color, alpha: alpha,
      label: label)
  }

  /// 2-D histogram of floating-point points (see the `[Double]` overload).
  public func histogram2D<T: BinaryFloatingPoint>(
    _ xs: [T], _ ys: [T], bins: Int = 64, x: ClosedRange<Double>? = nil,
    y: ClosedRange<Double>? = nil,
    density: Bool = true, colormap: Colormap = .viridis
  ) -> Self {
    histogram2D(
      doubles(xs), doubles(ys), bins: bins, x: x, y: y, density: density, colormap: colormap)
  }

  /// Arrows of floating-point data (see the `[Double]` overload).
  public func quiver<T: BinaryFloatingPoint>(
    _ x: [T], _ y: [T], _ u: [T], _ v: [T], scale: Double? = nil, color: Color = .black,
    width: Double = 1
  ) -> Self {
    quiver(doubles(x), doubles(y), doubles(u), doubles(v), scale: scale, color: color, width: width)
  }
}

private func doubles<T: BinaryFloatingPoint>(_ values: [T]) -> [Double] {
  var result: [Double] = []
  result.reserveCapacity(values.count)
  for value in values { result.append(Double(value)) }
  return result
}
