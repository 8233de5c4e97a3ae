/// Why a figure cannot be drawn; each case names the panel and series so a cell's author can find it.
///
/// Non-finite points inside otherwise good data are not errors: they are skipped (a scatter point
/// disappears, a line breaks, an image cell is transparent), as in matplotlib.
public enum PlotError: Error, Equatable, CustomStringConvertible {
  /// Width or height not a finite number in 1…10 000 points.
  case invalidSize(width: Double, height: Double)
  /// A panel grid with no rows or no columns.
  case invalidGrid(rows: Int, columns: Int)
  /// `panel(_:)` asked for a panel the grid does not have.
  case noSuchPanel(index: Int, count: Int)
  /// A series whose coordinate lists differ in length, e.g. "x has 3 values but y has 2".
  case mismatchedLengths(panel: Int, series: String, detail: String)
  /// A series with no data at all.
  case emptySeries(panel: Int, series: String)
  /// A series whose values are all NaN or infinite (often a diverged training run).
  case noFiniteValues(panel: Int, series: String, count: Int)
  /// A parameter outside its meaningful range (bins ≤ 0, negative size, reversed limits, …).
  case invalidParameter(panel: Int, series: String, detail: String)

  public var description: String {
    switch self {
    case .invalidSize(let w, let h):
      "figure size \(w) × \(h) points is invalid: width and height must be finite and in 1…10000"
    case .invalidGrid(let r, let c):
      "figure grid \(r) × \(c) is invalid: it needs at least one row and one column"
    case .noSuchPanel(let i, let n):
      "panel \(i) does not exist: the figure has \(n) panels, numbered 0…\(n - 1)"
    case .mismatchedLengths(let p, let s, let d): "panel \(p), \(s): \(d)"
    case .emptySeries(let p, let s): "panel \(p), \(s): no data to plot"
    case .noFiniteValues(let p, let s, let n):
      "panel \(p), \(s): all \(n) values are NaN or infinite"
    case .invalidParameter(let p, let s, let d): "panel \(p), \(s): \(d)"
    }
  }
}
