/// Options of one cell, written as leading `//| key: value` lines (the Quarto convention).
public struct CellOptions: Sendable, Equatable {
  /// How a cell's code is shown when `echo` is on.
  public enum CodeFold: String, Sendable, Equatable {
    case none, folded, open
  }

  /// Cross-reference label, e.g. `fig-moons` (figures) or `tbl-errors` (tables).
  public var label: String?
  /// Show the code in the page.
  public var echo: Bool = true
  /// Run the cell.
  public var eval: Bool = true
  /// Show what the cell printed and displayed.
  public var output: Bool = true
  /// Caption of the cell's figure, Markdown allowed.
  public var figureCaption: String?
  /// The chapter line of the `fig-cap` option, so errors in the caption (math, references) name it.
  public var figureCaptionLine: Int?
  /// The cell is expected to fail: its error is shown and does not fail the build.
  public var expectsError: Bool = false
  /// Seconds the cell may run before it is stopped.
  public var timeout: Double?
  /// Lines of printed text the page shows at most (the first ones and the last fifth); the whole text is
  /// linked as a file.
  public var outputLines: Int = 500
  /// Whether the echoed code is folded (`code-fold: true`), folded but open (`show`), or plain.
  public var codeFold: CodeFold = .none

  /// The defaults: echoed, run, output shown, no label or caption, no error expected.
  public init() {}
}
