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
      let touches = k > start && (colors[k] != colors[start] || cell.touches(x, y, of: occupied, centres, reach))
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

    /// Whether a disc at (x, y) in this cell touches one of the discs `occupied` lists in the cell or its
    /// neighbours (loops, not a list of the 9 cells: this runs once per point of a 20,000-point scatter).
    func touches(_ x: Double, _ y: Double, of occupied: [Cell: [Int]], _ centres: [(Double, Double)], _ reach: Double)
      -> Bool
    {
      for dx in -1...1 {
        for dy in -1...1 {
          for j in occupied[Cell(x: self.x + dx, y: self.y + dy)] ?? [] {
            let (ex, ey) = (centres[j].0 - x, centres[j].1 - y)
            if ex * ex + ey * ey < reach * reach { return true }
          }
        }
      }
      return false
    }
  }
}
