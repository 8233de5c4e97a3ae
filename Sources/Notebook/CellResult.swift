/// What running one cell produced: its printed text and the figures it showed, in order.
public struct CellResult: Sendable, Equatable {
  /// Whether the cell ran to completion.
  public enum Status: String, Sendable, Codable {
    case ok, error
    case notRun = "not-run"
  }

  public var status: Status
  /// Everything the cell printed, as plain text (not yet escaped).
  public var output: String
  /// File names of figures the cell showed, relative to the chapter's display folder.
  public var figures: [String]
  /// Compiler or runtime error text, when `status` is `.error`.
  public var error: String?

  public init(status: Status, output: String = "", figures: [String] = [], error: String? = nil) {
    self.status = status
    self.output = output
    self.figures = figures
    self.error = error
  }
}

/// A chapter together with the results of its cells, indexed like `Chapter.cells`.
public struct ExecutedChapter: Sendable {
  public var chapter: Chapter
  public var results: [CellResult]
  /// Folder holding the figures named in `results`.
  public var displayDirectory: String

  public init(chapter: Chapter, results: [CellResult], displayDirectory: String) {
    self.chapter = chapter
    self.results = results
    self.displayDirectory = displayDirectory
  }
}
