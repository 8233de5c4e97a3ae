extension Contour {
  /// The line segments of the iso-line at `level`, by marching squares over the grid's cell centres.
  ///
  /// Each square of four neighbouring centres contributes up to two segments between the points where
  /// `level` is crossed on its edges (linear interpolation); squares touching a non-finite value are skipped.
  /// Saddle squares are split by the square's mean value, the usual disambiguation.
  public func segments(at level: Double) -> [(x0: Double, y0: Double, x1: Double, y1: Double)] {
    let g = grid
    guard g.columns >= 2, g.rows >= 2 else { return [] }
    let dx = (g.x.upperBound - g.x.lowerBound) / Double(g.columns)
    let dy = (g.y.upperBound - g.y.lowerBound) / Double(g.rows)
    func cx(_ i: Double) -> Double { g.x.lowerBound + (i + 0.5) * dx }
    func cy(_ j: Double) -> Double { g.y.lowerBound + (j + 0.5) * dy }
    var result: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
    for j in 0..<(g.rows - 1) {
      for i in 0..<(g.columns - 1) {
        // Corners counter-clockwise from bottom-left: (i,j), (i+1,j), (i+1,j+1), (i,j+1).
        let v0 = g[i, j]
        let v1 = g[i + 1, j]
        let v2 = g[i + 1, j + 1]
        let v3 = g[i, j + 1]
        guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
        // Most squares lie wholly on one side of the level: no crossing, nothing to allocate.
        let below = v0 < level
        if (v1 < level) == below, (v2 < level) == below, (v3 < level) == below { continue }
        let v = [v0, v1, v2, v3]
        let corners = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
        // Where `level` crosses edge k (from corner k to corner k+1), in cell-index coordinates.
        func crossing(_ k: Int) -> (Double, Double)? {
          let a = v[k]
          let b = v[(k + 1) % 4]
          guard (a < level) != (b < level) else { return nil }
          let t = (level - a) / (b - a)
          let p = corners[k]
          let q = corners[(k + 1) % 4]
          return (Double(i) + p.0 + t * (q.0 - p.0), Double(j) + p.1 + t * (q.1 - p.1))
        }
        let points = (0..<4).compactMap(crossing)
        var pairs: [((Double, Double), (Double, Double))] = []
        if points.count == 2 {
          pairs = [(points[0], points[1])]
        } else if points.count == 4 {
          let centreAbove = v.reduce(0, +) / 4 >= level
          let bottomLeftAbove = v[0] >= level
          pairs =
            centreAbove == bottomLeftAbove
            ? [(points[0], points[1]), (points[2], points[3])]
            : [(points[3], points[0]), (points[1], points[2])]
        }
        for (p, q) in pairs { result.append((cx(p.0), cy(p.1), cx(q.0), cy(q.1))) }
      }
    }
    return result
  }
}
