// MARK: - Deformed grids, arrows and text

extension AxesBuilding {
  /// The images under `map` of a regular grid's lines: `lines` vertical and `lines` horizontal lines over
  /// `x × y`, each sampled at `samples` points — shows how a flow stretches and bends space.
  /// `map` takes and returns a point as `[x, y]`; non-finite images break a line.
  public func deformedGrid(
    x: ClosedRange<Double> = -3...3, y: ClosedRange<Double> = -3...3, lines: Int = 11,
    samples: Int = 100,
    color: Color? = nil, width: Double = 0.9, alpha: Double = 0.9, label: String? = nil,
    _ map: ([Double]) -> [Double]
  ) -> Self {
    let n = max(lines, 2)
    let m = max(samples, 2)
    func at(_ range: ClosedRange<Double>, _ k: Int, of count: Int) -> Double {
      range.lowerBound + (range.upperBound - range.lowerBound) * Double(k) / Double(count - 1)
    }
    var polylines: [[[Double]]] = []
    for k in 0..<n {
      polylines.append((0..<m).map { map([at(x, k, of: n), at(y, $0, of: m)]) })
      polylines.append((0..<m).map { map([at(x, $0, of: m), at(y, k, of: n)]) })
    }
    return self.polylines(polylines, color: color, width: width, alpha: alpha, label: label)
  }

  /// Free polylines, each a list of [x, y] points (e.g. trajectories, or a grid you mapped yourself).
  public func polylines(
    _ lines: [[[Double]]], color: Color? = nil, width: Double = 1, alpha: Double = 1,
    label: String? = nil
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .polylines(
          Polylines(
            lines: lines, color: color ?? axes.nextCycleColor, width: width, alpha: alpha,
            label: label)))
    }
  }

  /// Arrows from (x[i], y[i]) along (u[i], v[i]); `scale` in data units per unit of (u, v), or nil to
  /// scale the longest arrow to the typical spacing of the points. Non-finite arrows are skipped.
  public func quiver(
    _ x: [Double], _ y: [Double], _ u: [Double], _ v: [Double], scale: Double? = nil,
    color: Color = .black, width: Double = 1
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .quiver(Quiver(x: x, y: y, u: u, v: v, scale: scale, color: color, width: width)))
    }
  }

  /// Arrows of the vector field `field([x, y]) -> [u, v]` on a `count × count` grid over `x × y`.
  public func quiver(
    x: ClosedRange<Double> = -3...3, y: ClosedRange<Double> = -3...3, count: Int = 15,
    scale: Double? = nil,
    color: Color = .black, width: Double = 1, _ field: ([Double]) -> [Double]
  ) -> Self {
    let n = max(count, 1)
    var xs: [Double] = []
    var ys: [Double] = []
    var us: [Double] = []
    var vs: [Double] = []
    for j in 0..<n {
      for i in 0..<n {
        let px = x.lowerBound + (x.upperBound - x.lowerBound) * (Double(i) + 0.5) / Double(n)
        let py = y.lowerBound + (y.upperBound - y.lowerBound) * (Double(j) + 0.5) / Double(n)
        let vector = field([px, py])
        xs.append(px)
        ys.append(py)
        us.append(vector.first ?? .nan)
        vs.append(vector.count > 1 ? vector[1] : .nan)
      }
    }
    return quiver(xs, ys, us, vs, scale: scale, color: color, width: width)
  }

  /// Text centred at `point` in data coordinates (label markup).
  public func text(
    _ text: String, at point: (Double, Double), size: Double = 10, color: Color = .black
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .annotation(
          Annotation(text: text, x: point.0, y: point.1, target: nil, color: color, size: size)))
    }
  }

  /// Text at `point` with an arrow from the text to `target` (both in data coordinates).
  public func annotate(
    _ text: String, at point: (Double, Double), pointingTo target: (Double, Double),
    size: Double = 10,
    color: Color = .black
  ) -> Self {
    updatingAxes { axes in
      axes.series.append(
        .annotation(
          Annotation(
            text: text, x: point.0, y: point.1, target: (x: target.0, y: target.1), color: color,
            size: size)))
    }
  }
}
