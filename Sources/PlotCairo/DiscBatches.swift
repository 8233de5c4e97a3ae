import Plot

/// Splits a sequence of discs into runs that may be filled together.
///
/// Filling discs one by one makes overlaps of translucent discs darken (the look of a matplotlib
/// scatter), but costs one Cairo operation — and in SVG one `<path>` with its full style — per point.
/// Discs that do not overlap give the same picture when filled as one path, so consecutive discs of one
/// colour are grouped until the next one would touch a disc already in the group.
struct DiscBatches {
  /// Consecutive index ranges of `centres`; within each, colours are equal and no two discs touch.
  static func ranges(centres: [(Double, Double)], colors: [Color], radius: Double) -> [Range<Int>] {
    // Two discs touch if their centres are closer than a diameter plus a pixel of antialiasing.
    let reach = 2 * radius + 1
    var ranges: [Range<Int>] = []
    var start = 0
    var occupied: [Cell: [Int]] = [:]
    for k in centres.indices {
      let (x, y) = centres[k]
      let cell = Cell(x: Int((x / reach).rounded(.down)), y: Int((y / reach).rounded(.down)))
      let touches =
        k > start
        && (colors[k] != colors[start]
          || cell.neighbourhood.contains { neighbour in
            occupied[neighbour]?.contains { j in
              let (dx, dy) = (centres[j].0 - x, centres[j].1 - y)
              return dx * dx + dy * dy < reach * reach
            } ?? false
          })
      if touches {
        ranges.append(start..<k)
        start = k
        occupied.removeAll(keepingCapacity: true)
      }
      occupied[cell, default: []].append(k)
    }
    if start < centres.count { ranges.append(start..<centres.count) }
    return ranges
  }

  /// A square of side `reach` in a spatial hash; only a cell and its 8 neighbours can hold touching discs.
  private struct Cell: Hashable {
    var x: Int
    var y: Int
    var neighbourhood: [Cell] {
      [-1, 0, 1].flatMap { dx in [-1, 0, 1].map { dy in Cell(x: x + dx, y: y + dy) } }
    }
  }
}
