import Plot

// The bridge from a density evaluated by a flow (or known in closed form) to a heat map, so no chapter
// needs its own grid helper: `.heatmap(flow.densityGrid(x: -3...3, y: -3...3))`.

extension ScalarGrid {
  /// `grid` as a heat map's grid: one cell per grid point, centred on it (so the cells reach half a
  /// step beyond the outermost points).
  public init(_ grid: DensityGrid) {
    func extent(_ coordinates: [Float]) -> ClosedRange<Double> {
      let first = Double(coordinates.first ?? 0)
      let last = Double(coordinates.last ?? 0)
      let half = coordinates.count > 1 ? (last - first) / Double(coordinates.count - 1) / 2 : 0.5
      return (first - half)...(last + half)
    }
    self.init(
      columns: grid.xs.count, rows: grid.ys.count, x: extent(grid.xs), y: extent(grid.ys),
      values: grid.values.flatMap { $0 })
  }
}

extension AxesBuilding {
  /// A heat map of a density grid (`Flow.densityGrid`, `ToyDataset.densityGrid`); see `heatmap(_:colormap:range:smooth:)`.
  public func heatmap(
    _ grid: DensityGrid, colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil, smooth: Bool = false
  ) -> Self {
    heatmap(ScalarGrid(grid), colormap: colormap, range: range, smooth: smooth)
  }
}
