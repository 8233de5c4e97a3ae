extension Figure {
  /// Checks that the figure can be drawn; renderers call this first and draw nothing if it throws.
  public func validate() throws(PlotError) {
    guard width.isFinite, height.isFinite, (1...10_000).contains(width),
      (1...10_000).contains(height)
    else {
      throw .invalidSize(width: width, height: height)
    }
    guard rows >= 1, columns >= 1 else { throw .invalidGrid(rows: rows, columns: columns) }
    if let invalidPanel { throw .noSuchPanel(index: invalidPanel, count: axes.count) }
    for (panel, axes) in axes.enumerated() {
      try axes.validateLimits(panel: panel)
      for (k, series) in axes.series.enumerated() {
        try SeriesCheck(panel: panel, name: "\(series.kindName) (series \(k + 1))").validate(series)
      }
    }
  }
}

extension Axes {
  fileprivate func validateLimits(panel: Int) throws(PlotError) {
    for (axis, limits, scale) in [("x", xLimits, xScale), ("y", yLimits, yScale)] {
      guard let limits else { continue }
      guard limits.lowerBound.isFinite, limits.upperBound.isFinite,
        limits.lowerBound < limits.upperBound
      else {
        throw .invalidParameter(
          panel: panel, series: "\(axis) limits", detail: "\(limits) must be finite and increasing")
      }
      if scale == .log, limits.lowerBound <= 0 {
        throw .invalidParameter(
          panel: panel, series: "\(axis) limits",
          detail: "a log axis needs limits above 0, got \(limits)")
      }
    }
  }
}

extension Series {
  /// The series kind as the API names it, for error messages.
  var kindName: String {
    switch self {
    case .scatter: "scatter"
    case .line: "line"
    case .histogram: "histogram"
    case .heatmap: "density/heatmap"
    case .contour: "contour"
    case .polylines: "polylines/deformedGrid"
    case .quiver: "quiver"
    case .annotation: "text"
    }
  }
}

/// The checks for one series, with the panel and series name every error carries.
private struct SeriesCheck {
  let panel: Int
  let name: String

  func validate(_ series: Series) throws(PlotError) {
    switch series {
    case .scatter(let s):
      try lengths([("x", s.x), ("y", s.y)] + (s.values.map { [("values", $0)] } ?? []))
      try finite(zip(s.x, s.y).map { $0.isFinite && $1.isFinite })
      try require(s.size.isFinite && s.size > 0, "size must be positive, got \(s.size)")
      try require((0...1).contains(s.alpha), "alpha must be in 0…1, got \(s.alpha)")
    case .line(let l):
      try lengths([("x", l.x), ("y", l.y)])
      try finite(zip(l.x, l.y).map { $0.isFinite && $1.isFinite })
      try require(l.width.isFinite && l.width > 0, "width must be positive, got \(l.width)")
    case .histogram(let h):
      try lengths([("values", h.values)])
      try finite(h.values.map(\.isFinite))
      try require((1...10_000).contains(h.bins), "bins must be in 1…10000, got \(h.bins)")
      if let r = h.range {
        try require(
          r.lowerBound.isFinite && r.upperBound.isFinite && r.lowerBound < r.upperBound,
          "range \(r) must be finite and increasing")
      }
    case .heatmap(let m): try grid(m.grid)
    case .contour(let c): try grid(c.grid)
    case .polylines(let p):
      let points = p.lines.flatMap { $0 }
      guard !points.isEmpty else { throw .emptySeries(panel: panel, series: name) }
      try finite(points.map { $0.count >= 2 && $0[0].isFinite && $0[1].isFinite })
    case .quiver(let q):
      try lengths([("x", q.x), ("y", q.y), ("u", q.u), ("v", q.v)])
      try finite(
        (0..<q.x.count).map { [q.x[$0], q.y[$0], q.u[$0], q.v[$0]].allSatisfy(\.isFinite) })
    case .annotation(let a):
      let coordinates = [a.x, a.y] + (a.target.map { [$0.x, $0.y] } ?? [])
      try require(coordinates.allSatisfy(\.isFinite), "position must be finite, got \(coordinates)")
    }
  }

  private func lengths(_ lists: [(name: String, values: [Double])]) throws(PlotError) {
    let counts = Set(lists.map(\.values.count))
    guard counts.count == 1 else {
      let detail =
        lists.count == 2
        ? "\(lists[0].name) has \(lists[0].values.count) values but \(lists[1].name) has \(lists[1].values.count)"
        : "lengths differ: "
          + lists.map { "\($0.name) has \($0.values.count)" }.joined(separator: ", ")
      throw .mismatchedLengths(panel: panel, series: name, detail: detail)
    }
    guard counts.first != 0 else { throw .emptySeries(panel: panel, series: name) }
  }

  private func finite(_ flags: [Bool]) throws(PlotError) {
    guard flags.contains(true) else {
      throw .noFiniteValues(panel: panel, series: name, count: flags.count)
    }
  }

  private func grid(_ g: ScalarGrid) throws(PlotError) {
    try require(
      g.columns >= 2 && g.rows >= 2,
      "the grid has \(g.columns) × \(g.rows) cells; resolution/bins must be at least 2")
    try require(
      g.values.count == g.columns * g.rows,
      "the grid has \(g.values.count) values for \(g.columns) × \(g.rows) cells")
    let ranges = [g.x, g.y]
    try require(
      ranges.allSatisfy {
        $0.lowerBound.isFinite && $0.upperBound.isFinite && $0.lowerBound < $0.upperBound
      },
      "x and y ranges \(g.x), \(g.y) must be finite and increasing")
    try finite(g.values.map(\.isFinite))
  }

  private func require(_ condition: Bool, _ detail: String) throws(PlotError) {
    guard condition else { throw .invalidParameter(panel: panel, series: name, detail: detail) }
  }
}
