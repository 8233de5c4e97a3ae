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
  /// Bytes of memory the chapter program may use while the cell runs (`memory: 4GB`); the build's default
  /// (`BuildSettings.defaultMemoryLimit`) when `nil`.
  public var memory: UInt64?
  /// Book files the cell reads (`depends: [data/points.csv, data/*.json]`, globs relative to the book): their
  /// contents are part of the chapter's cache key.
  public var depends: [String] = []
  /// Where `depends` was set (a chapter, or `chapters/book.yml`), so a pattern matching nothing is an error there.
  public var dependsFile: String?
  public var dependsLine: Int?
  /// Lines of printed text the page shows at most (the first ones and the last fifth); the whole text is
  /// linked as a file.
  public var outputLines: Int = 500
  /// Whether the echoed code is folded (`code-fold: true`), folded but open (`show`), or plain.
  public var codeFold: CodeFold = .none
  /// The cell's declarations are also compiled into every later chapter of the book (`export: true`), like the
  /// shared source: a chapter defines a type in its own cells and the chapters after it use it.
  public var export: Bool = false

  /// The defaults: echoed, run, output shown, no label or caption, no error expected.
  public init() {}
}
