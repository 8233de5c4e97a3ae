extension PanelArranger {
  /// Final ticks, text positions, colorbar and legend of panel `i`, whose plot area is about `plot`.
  func panel(
    _ i: Int, plot initialPlot: Rect, cell: Rect,
    limits: (x: ClosedRange<Double>, y: ClosedRange<Double>),
    yTickWidth: Double
  ) -> PanelLayout {
    let axes = figure.axes[i]
    var plot = initialPlot
    func fitX() -> [Tick] {
      ticks(
        axes.xTicks, lower: limits.x.lowerBound, upper: limits.x.upperBound, scale: axes.xScale,
        length: plot.width, horizontal: true)
    }
    // The last x tick label is centred on its tick and may stick out of the cell: narrow the plot until it fits.
    var xTicks = fitX()
    for _ in 0..<3 where showsXTickLabels(i) {
      guard let last = xTicks.last else { break }
      let position =
        plot.x + (axes.xScale.transform(last.value) - limits.x.lowerBound)
        / (limits.x.upperBound - limits.x.lowerBound) * plot.width
      let overflow = position + tickLabelWidth(last) / 2 - cell.maxX
      guard overflow > 0 else { break }
      plot.width -= overflow + 1
      xTicks = fitX()
    }
    if axes.equalAspect { plot = equalAspect(plot, limits) }
    xTicks = fitX()
    let yTicks = ticks(
      axes.yTicks, lower: limits.y.lowerBound, upper: limits.y.upperBound, scale: axes.yScale,
      length: plot.height, horizontal: false,
      maxLabelWidth: showsYTickLabels(i) ? yTickWidth : nil)
    let x = AxisMapping(
      scale: axes.xScale, lower: limits.x.lowerBound, upper: limits.x.upperBound, start: plot.x,
      end: plot.maxX)
    let y = AxisMapping(
      scale: axes.yScale, lower: limits.y.lowerBound, upper: limits.y.upperBound, start: plot.maxY,
      end: plot.y)
    var texts = axisTexts(i, plot: plot, x: x, y: y, xTicks: xTicks, yTicks: yTicks)
    let colorbar = colorbarLayout(axes, plot: plot, texts: &texts)
    return PanelLayout(
      plot: plot, x: x, y: y, xTicks: xTicks, yTicks: yTicks, texts: texts, colorbar: colorbar,
      legend: legendLayout(axes, plot: plot, x: x, y: y))
  }

  private func tickLabelWidth(_ tick: Tick) -> Double {
    measurer.extent(tick.label, size: PlotStyle.tickLabelSize).width
  }

  private func axisTexts(
    _ i: Int, plot: Rect, x: AxisMapping, y: AxisMapping, xTicks: [Tick], yTicks: [Tick]
  ) -> [PlacedText] {
    let axes = figure.axes[i]
    let size = PlotStyle.tickLabelSize
    var texts: [PlacedText] = []
    if showsXTickLabels(i) {
      texts += xTicks.map {
        PlacedText(
          $0.label, size: size, at: x.position($0.value), plot.maxY + tickSpace, .center, .top,
          measurer: measurer)
      }
    }
    var yTickWidth = 0.0
    if showsYTickLabels(i) {
      let labels = yTicks.map {
        PlacedText(
          $0.label, size: size, at: plot.x - tickSpace, y.position($0.value), .right, .middle,
          measurer: measurer)
      }
      yTickWidth = labels.map(\.frame.width).max() ?? 0
      texts += labels
    }
    if !axes.xLabel.isEmpty {
      let below =
        plot.maxY + tickSpace + (showsXTickLabels(i) ? tickLabelHeight : tickLabelHeight / 2)
        + PlotStyle.gap
      texts.append(
        PlacedText(
          axes.xLabel, size: PlotStyle.axisLabelSize, at: plot.x + plot.width / 2, below, .center,
          .top, measurer: measurer))
    }
    if !axes.yLabel.isEmpty {
      let leftOf = plot.x - tickSpace - yTickWidth - PlotStyle.gap
      texts.append(
        PlacedText(
          axes.yLabel, size: PlotStyle.axisLabelSize, at: leftOf, plot.y + plot.height / 2, .right,
          .middle,
          vertical: true, measurer: measurer))
    }
    if !axes.title.isEmpty {
      texts.append(
        PlacedText(
          axes.title, size: PlotStyle.titleSize, at: plot.x + plot.width / 2,
          plot.y - PlotStyle.gap, .center, .bottom,
          measurer: measurer))
    }
    return texts
  }

  private func colorbarLayout(_ axes: Axes, plot: Rect, texts: inout [PlacedText])
    -> ColorbarLayout?
  {
    guard let label = axes.colorbarLabel, let scale = axes.colorScale() else { return nil }
    let bar = Rect(
      x: plot.maxX + PlotStyle.colorbarGap, y: plot.y, width: PlotStyle.colorbarWidth,
      height: plot.height)
    let ticks = TickFitting(measurer: measurer).ticks(
      lower: scale.range.lowerBound, upper: scale.range.upperBound, scale: .linear,
      length: plot.height,
      horizontal: false)
    let layout = ColorbarLayout(
      bar: bar, colormap: scale.colormap, range: scale.range, ticks: ticks)
    let labels = ticks.map {
      PlacedText(
        $0.label, size: PlotStyle.tickLabelSize, at: bar.maxX + tickSpace,
        layout.position($0.value), .left, .middle,
        measurer: measurer)
    }
    texts += labels
    if !label.isEmpty {
      let rightOfLabels =
        bar.maxX + tickSpace + (labels.map(\.frame.width).max() ?? 0) + PlotStyle.gap
      texts.append(
        PlacedText(
          label, size: PlotStyle.axisLabelSize, at: rightOfLabels, plot.y + plot.height / 2, .left,
          .middle,
          vertical: true, measurer: measurer))
    }
    return layout
  }
}

extension Series {
  /// The legend label of series kinds that have one.
  var legendLabel: String? {
    switch self {
    case .scatter(let s): s.label
    case .line(let l): l.label
    case .histogram(let h): h.label
    case .contour(let c): c.label
    case .polylines(let p): p.label
    case .heatmap, .quiver, .annotation: nil
    }
  }
}
