/// Sizes and positions the panels of a figure in its grid (the steps of `FigureLayout`).
///
/// Order matters because each step needs only what the previous ones fixed: vertical margins (titles,
/// x labels) do not depend on ticks → plot heights → y ticks and colorbar ticks → horizontal margins
/// → plot widths → x ticks; panels in one row share top/bottom margins, in one column left/right ones.
struct PanelArranger {
  let figure: Figure
  let area: Rect
  let measurer: any TextMeasuring
  var fitting: TickFitting { TickFitting(measurer: measurer) }
  var tickLabelHeight: Double { measurer.extent("0", size: PlotStyle.tickLabelSize).height }
  var tickSpace: Double { PlotStyle.tickLength + PlotStyle.tickGap }

  init(figure: Figure, area: Rect, measurer: some TextMeasuring) {
    self.figure = figure
    self.area = area
    self.measurer = measurer
  }

  func arrange() -> [PanelLayout] {
    let limits = resolvedLimits()
    let count = figure.axes.count
    let cells = (0..<count).map(cell)
    // Vertical margins, aligned along each row.
    var top = figure.axes.map(topMargin)
    var bottom = (0..<count).map(bottomMargin)
    align(&top, by: row)
    align(&bottom, by: row)
    // Heights → y ticks and colorbars → horizontal margins, aligned along each column.
    let heights = (0..<count).map { cells[$0].height - top[$0] - bottom[$0] }
    let yTicks = (0..<count).map { i in
      ticks(
        figure.axes[i].yTicks, lower: limits[i].y.lowerBound, upper: limits[i].y.upperBound,
        scale: figure.axes[i].yScale, length: heights[i], horizontal: false)
    }
    let yTickWidths = (0..<count).map { showsYTickLabels($0) ? widest(yTicks[$0]) : 0 }
    var left = (0..<count).map { tickSpace + yTickWidths[$0] + labelBand(figure.axes[$0].yLabel) }
    var right = (0..<count).map { colorbarBand(figure.axes[$0], length: heights[$0]) }
    align(&left, by: column)
    align(&right, by: column)
    return (0..<count).map { i in
      var plot = Rect(
        x: cells[i].x + left[i], y: cells[i].y + top[i], width: cells[i].width - left[i] - right[i],
        height: heights[i])
      if figure.axes[i].equalAspect { plot = equalAspect(plot, limits[i]) }
      return panel(i, plot: plot, cell: cells[i], limits: limits[i], yTickWidth: yTickWidths[i])
    }
  }

  // MARK: - Grid cells and margins

  func row(_ i: Int) -> Int { i / figure.columns }
  func column(_ i: Int) -> Int { i % figure.columns }

  func cell(_ i: Int) -> Rect {
    let w = area.width / Double(figure.columns)
    let h = area.height / Double(figure.rows)
    let e = PlotStyle.edge
    return Rect(
      x: area.x + Double(column(i)) * w + e, y: area.y + Double(row(i)) * h + e, width: w - 2 * e,
      height: h - 2 * e)
  }

  func align(_ margins: inout [Double], by group: (Int) -> Int) {
    var largest: [Int: Double] = [:]
    for (i, m) in margins.enumerated() { largest[group(i)] = max(largest[group(i)] ?? 0, m) }
    margins = margins.indices.map { largest[group($0)] ?? margins[$0] }
  }

  func showsXTickLabels(_ i: Int) -> Bool { !(figure.sharedX && row(i) < figure.rows - 1) }
  func showsYTickLabels(_ i: Int) -> Bool { !(figure.sharedY && column(i) > 0) }

  func labelBand(_ markup: String) -> Double {
    markup.isEmpty
      ? 0 : PlotStyle.gap + measurer.extent(markup, size: PlotStyle.axisLabelSize).height
  }

  func topMargin(_ axes: Axes) -> Double {
    let titleBand =
      axes.title.isEmpty
      ? 0 : measurer.extent(axes.title, size: PlotStyle.titleSize).height + PlotStyle.gap
    return max(titleBand, tickLabelHeight / 2 + 1)
  }

  func bottomMargin(_ i: Int) -> Double {
    let labels = showsXTickLabels(i) ? tickLabelHeight : tickLabelHeight / 2
    return tickSpace + labels + labelBand(figure.axes[i].xLabel)
  }

  func widest(_ ticks: [Tick]) -> Double {
    ticks.map { measurer.extent($0.label, size: PlotStyle.tickLabelSize).width }.max() ?? 0
  }

  func colorbarBand(_ axes: Axes, length: Double) -> Double {
    guard let label = axes.colorbarLabel, let scale = axes.colorScale() else { return 0 }
    let ticks = colorbarTicks(scale.range, length: length)
    return PlotStyle.colorbarGap + PlotStyle.colorbarWidth + tickSpace + widest(ticks)
      + labelBand(label)
  }

  /// The axis's `fixed` ticks inside its limits (scaled coordinates `lower…upper`), or ticks fitted to it.
  func ticks(
    _ fixed: [Tick]?, lower: Double, upper: Double, scale: Scale, length: Double, horizontal: Bool,
    maxLabelWidth: Double? = nil
  ) -> [Tick] {
    guard let fixed else {
      return fitting.ticks(
        lower: lower, upper: upper, scale: scale, length: length, horizontal: horizontal,
        maxLabelWidth: maxLabelWidth)
    }
    let (a, b) = (scale.inverse(lower), scale.inverse(upper))
    let inside = min(a, b)...max(a, b)
    return fixed.filter { inside.contains($0.value) }
  }

  func colorbarTicks(_ range: ClosedRange<Double>, length: Double) -> [Tick] {
    fitting.ticks(
      lower: range.lowerBound, upper: range.upperBound, scale: .linear, length: length,
      horizontal: false)
  }

  // MARK: - Limits and aspect

  /// Each panel's limits in scaled coordinates: explicit, or fitted; unions across panels where shared.
  func resolvedLimits() -> [(x: ClosedRange<Double>, y: ClosedRange<Double>)] {
    var limits = figure.axes.map { axes in
      let fitted = axes.fittedLimits()
      let x = axes.xLimits.map {
        axes.xScale.transform($0.lowerBound)...axes.xScale.transform($0.upperBound)
      }
      let y = axes.yLimits.map {
        axes.yScale.transform($0.lowerBound)...axes.yScale.transform($0.upperBound)
      }
      return (x: x ?? fitted.x, y: y ?? fitted.y)
    }
    func union(_ ranges: [ClosedRange<Double>]) -> ClosedRange<Double> {
      ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
    }
    if figure.sharedX, !limits.isEmpty {
      let shared = union(limits.map(\.x))
      limits = limits.map { (x: shared, y: $0.y) }
    }
    if figure.sharedY, !limits.isEmpty {
      let shared = union(limits.map(\.y))
      limits = limits.map { (x: $0.x, y: shared) }
    }
    return limits
  }

  func equalAspect(_ plot: Rect, _ limits: (x: ClosedRange<Double>, y: ClosedRange<Double>)) -> Rect {
    let spanX = limits.x.upperBound - limits.x.lowerBound
    let spanY = limits.y.upperBound - limits.y.lowerBound
    let unit = min(plot.width / spanX, plot.height / spanY)
    let w = spanX * unit
    let h = spanY * unit
    return Rect(
      x: plot.x + (plot.width - w) / 2, y: plot.y + (plot.height - h) / 2, width: w, height: h)
  }
}
