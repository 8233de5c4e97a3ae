/// One Markdown chapter split into prose and code cells, in source order.
public struct Chapter: Sendable, Equatable {
  /// Path as given to the parser, e.g. `chapters/01-intro.md`; used in every error message.
  public var file: String
  public var blocks: [Block]

  public init(file: String, blocks: [Block]) {
    self.file = file
    self.blocks = blocks
  }

  /// The executable cells of the chapter, in order.
  public var cells: [Cell] {
    blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
  }
}

/// A piece of a chapter: Markdown prose, or a fenced Swift cell.
public enum Block: Sendable, Equatable {
  /// Markdown source and the 1-based line it starts at.
  case prose(String, line: Int)
  case cell(Cell)
}

/// A fenced code block with info string `{swift}`: compiled and run.
public struct Cell: Sendable, Equatable {
  /// 0-based position among the chapter's executable cells.
  public var index: Int
  public var code: String
  /// 1-based line of the first code line (the line after the opening fence).
  public var line: Int
  public var options: CellOptions

  public init(index: Int, code: String, line: Int, options: CellOptions = CellOptions()) {
    self.index = index
    self.code = code
    self.line = line
    self.options = options
  }
}
