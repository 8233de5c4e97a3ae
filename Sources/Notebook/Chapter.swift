/// One Markdown chapter split into prose and code cells, in source order.
public struct Chapter: Sendable, Equatable {
  /// Path as given to the parser, e.g. `chapters/01-intro.md`; used in every error message.
  public var file: String
  /// The `title` of the chapter's front matter, if it has one.
  public var title: String?
  /// Prose and cells in source order.
  public var blocks: [Block] {
    didSet { inlineExpressions = Self.inlineExpressions(in: blocks) }
  }
  /// The book's shared Swift source, compiled before the first cell; `nil` if the book has none.
  public var shared: SharedSource?
  /// The `export: true` cells of the chapters before this one, compiled into its program as further files.
  public var exports: [SharedSource] = []

  /// A chapter from its parts (normally made by `ChapterParser`).
  public init(file: String, title: String? = nil, blocks: [Block], shared: SharedSource? = nil) {
    self.file = file
    self.title = title
    self.blocks = blocks
    self.shared = shared
    inlineExpressions = Self.inlineExpressions(in: blocks)
  }

  /// The executable cells of the chapter, in order.
  public var cells: [Cell] {
    blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
  }

  /// The `` `{swift} expr` `` expressions of the chapter's prose, in reading order: found once, when `blocks`
  /// is set (the cache key, the build record and the pages each ask for every expression's index).
  public private(set) var inlineExpressions: [InlineExpression]

  private static func inlineExpressions(in blocks: [Block]) -> [InlineExpression] {
    blocks.flatMap { block -> [InlineExpression] in
      guard case .prose(let text, let line) = block else { return [] }
      return InlineExpression.scan(text, firstLine: line)
    }
  }
}

/// A piece of a chapter: Markdown prose, or a fenced Swift cell.
///
/// Included source regions (`{{< include path#region >}}`) are already expanded in the prose
/// as fenced `swift` code blocks.
public enum Block: Sendable, Equatable {
  /// Markdown source and the 1-based line it starts at.
  case prose(String, line: Int)
  /// An executable `{swift}` cell.
  case cell(Cell)
}

/// A fenced code block with info string `{swift}`: compiled and run.
public struct Cell: Sendable, Equatable {
  /// 0-based position among the chapter's executable cells.
  public var index: Int
  /// The cell's code without its leading `//|` option lines.
  public var code: String
  /// 1-based chapter line of the first line of `code`.
  public var line: Int
  /// The cell's options, starting from the book's and chapter's defaults.
  public var options: CellOptions
  /// A bad `//|` option line: the cell is reported as failed there and not run.
  public var optionError: CellError?

  /// The exercises whose stub, a line `exercise("<name>")` (see `SolutionRegion`), is still in the cell.
  public var unfinishedExercises: [String] {
    guard code.contains("exercise(") else { return [] }
    return code.matches(of: Self.exerciseStub).map { String($0.1) }
  }

  /// Kept once: a regex literal in a function body is compiled again on every call.
  nonisolated(unsafe) private static let exerciseStub = /(?m)^[ \t]*exercise\("((?:[^"\\]|\\.)*)"\)[ \t]*$/

  /// A cell from its parts (normally made by `ChapterParser`).
  public init(index: Int, code: String, line: Int, options: CellOptions = CellOptions(), optionError: CellError? = nil)
  {
    self.index = index
    self.code = code
    self.line = line
    self.options = options
    self.optionError = optionError
  }
}
