extension PanelArranger {
  /// The legend box in a corner of the plot area (the emptiest one for `.best`), one row per labelled series.
  func legendLayout(_ axes: Axes, plot: Rect, x: AxisMapping, y: AxisMapping) -> LegendLayout? {
    let labelled = axes.series.enumerated().compactMap { index, series -> (Int, String)? in
      guard let label = series.legendLabel, !label.isEmpty else { return nil }
      return (index, label)
    }
    guard axes.legendPosition != .hidden, !labelled.isEmpty else { return nil }
    let size = PlotStyle.legendSize
    let padding = 5.0
    let swatchWidth = 18.0
    let inset = 6.0
    let extents = labelled.map { measurer.extent($0.1, size: size) }
    let rowHeight = max(size * 1.35, extents.map(\.height).max() ?? 0)
    let width = padding * 2 + swatchWidth + PlotStyle.gap + (extents.map(\.width).max() ?? 0)
    let height = padding * 2 + rowHeight * Double(labelled.count)
    func box(_ corner: LegendPosition) -> Rect {
      let left =
        [.upperLeft, .lowerLeft].contains(corner) ? plot.x + inset : plot.maxX - inset - width
      let top =
        [.upperLeft, .upperRight].contains(corner) ? plot.y + inset : plot.maxY - inset - height
      return Rect(x: left, y: top, width: width, height: height)
    }
    let corners: [LegendPosition] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight]
    let chosen: Rect
    if axes.legendPosition == .best {
      let points = dataPoints(axes, x: x, y: y)
      let boxes = corners.map(box)
      let covered = boxes.map { b in
        points.count { b.x <= $0.0 && $0.0 <= b.maxX && b.y <= $0.1 && $0.1 <= b.maxY }
      }
      chosen = boxes[covered.firstIndex(of: covered.min()!)!]
    } else {
      chosen = box(axes.legendPosition)
    }
    let entries = labelled.enumerated().map { row, item in
      let middle = chosen.y + padding + rowHeight * (Double(row) + 0.5)
      return LegendLayout.Entry(
        seriesIndex: item.0,
        swatch: Rect(
          x: chosen.x + padding, y: middle - rowHeight / 2, width: swatchWidth, height: rowHeight),
        text: PlacedText(
          item.1, size: size, at: chosen.x + padding + swatchWidth + PlotStyle.gap, middle, .left,
          .middle,
          measurer: measurer))
    }
    return LegendLayout(box: chosen, entries: entries)
  }

  /// Where the axes' data lies in figure points (at most about 2,000 samples per series, enough to
  /// compare corners): points of scatters, lines, polylines and contours, and the bodies of histogram bars.
  private func dataPoints(_ axes: Axes, x: AxisMapping, y: AxisMapping) -> [(Double, Double)] {
    func sampled(_ xs: [Double], _ ys: [Double]) -> [(Double, Double)] {
      let step = max(1, xs.count / 2000)
      return stride(from: 0, to: min(xs.count, ys.count), by: step).map {
        (x.position(xs[$0]), y.position(ys[$0]))
      }
    }
    func histogramBodies(_ h: Histogram) -> [(Double, Double)] {
      let (edges, heights) = h.bars()
      return heights.indices.flatMap { k in
        [0.25, 0.5, 0.75, 1].map { f in
          (x.position((edges[k] + edges[k + 1]) / 2), y.position(heights[k] * f))
        }
      }
    }
    return axes.series.flatMap { series -> [(Double, Double)] in
      switch series {
      case .scatter(let s): sampled(s.x, s.y)
      case .line(let l): sampled(l.x, l.y)
      case .polylines(let p):
        sampled(
          p.lines.flatMap { $0.map { $0.first ?? .nan } },
          p.lines.flatMap { $0.map { $0.count > 1 ? $0[1] : .nan } })
      case .histogram(let h): histogramBodies(h)
      case .contour(let c):
        sampled(
          c.levels.flatMap { c.segments(at: $0).map(\.x0) },
          c.levels.flatMap { c.segments(at: $0).map(\.y0) })
      case .heatmap, .quiver, .annotation: []
      }
    }
  }
}
