/// Chooses ticks whose labels fit along an axis of a given length without touching.
struct TickFitting {
  let measurer: any TextMeasuring
  /// Minimum free space between neighbouring labels, in points.
  static let horizontalGap = 8.0
  static let verticalGap = 3.0

  /// The most ticks (up to a density that reads well) whose labels keep their distance, and whose labels
  /// are at most `maxLabelWidth` wide if given. Falls back to dropping labels that would collide.
  func ticks(
    lower: Double, upper: Double, scale: Scale, length: Double, horizontal: Bool,
    maxLabelWidth: Double? = nil
  ) -> [Tick] {
    let range = scale.inverse(lower)...scale.inverse(upper)
    let preferred = Int(length / (horizontal ? 60 : 36)) + 1
    var candidates: [Tick] = []
    var fallback: [Tick]?
    let first = min(max(preferred, 3), 10)
    // Fewer ticks first (down to 2), then more if a coarse step left fewer than two in range.
    for count in Array(stride(from: first, through: 2, by: -1)) + Array((first + 1)...11) {
      candidates = TickLocator.ticks(in: range, scale: scale, maxCount: count)
      let sizes = candidates.map { measurer.extent($0.label, size: PlotStyle.tickLabelSize) }
      let narrowEnough =
        maxLabelWidth.map { limit in sizes.allSatisfy { $0.width <= limit } } ?? true
      if narrowEnough,
        collisions(candidates, sizes, lower, upper, scale, length, horizontal).isEmpty
      {
        // A coarse step can leave a single tick in range; keep looking for one with two or more.
        if candidates.count >= 2 { return candidates }
        fallback = fallback ?? candidates
      }
    }
    let thin = thinned(candidates, lower, upper, scale, length, horizontal)
    return thin.count >= 2 ? thin : fallback ?? thin
  }

  /// Indices i where label i and label i+1 are too close.
  private func collisions(
    _ ticks: [Tick], _ sizes: [TextExtent], _ lower: Double, _ upper: Double, _ scale: Scale,
    _ length: Double,
    _ horizontal: Bool
  ) -> [Int] {
    let positions = ticks.map { (scale.transform($0.value) - lower) / (upper - lower) * length }
    let along = sizes.map { horizontal ? $0.width : $0.height }
    let gap = horizontal ? Self.horizontalGap : Self.verticalGap
    return ticks.indices.dropLast().filter { i in
      abs(positions[i + 1] - positions[i]) < (along[i] + along[i + 1]) / 2 + gap
    }
  }

  /// Keeps each tick only if its label clears the last kept one.
  private func thinned(
    _ ticks: [Tick], _ lower: Double, _ upper: Double, _ scale: Scale, _ length: Double,
    _ horizontal: Bool
  ) -> [Tick] {
    var kept: [Tick] = []
    for tick in ticks {
      let trial = (kept.last.map { [$0] } ?? []) + [tick]
      let sizes = trial.map { measurer.extent($0.label, size: PlotStyle.tickLabelSize) }
      if collisions(trial, sizes, lower, upper, scale, length, horizontal).isEmpty {
        kept.append(tick)
      }
    }
    return kept
  }
}
