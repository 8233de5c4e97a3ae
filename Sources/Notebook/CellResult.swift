/// What running one cell produced, in the order it produced it.
public struct CellResult: Sendable, Equatable {
  /// Whether the cell ran to completion.
  public enum Status: String, Sendable, Codable {
    case ok, error
    case notRun = "not-run"
  }

  /// Whether the cell ran, failed or was not run.
  public var status: Status
  /// Printed text and displays, in the order the cell produced them.
  public var outputs: [CellOutput]
  /// Compiler or runtime error, when `status` is `.error`.
  public var error: CellError?
  /// Wall-clock seconds the cell ran.
  public var seconds: Double
  /// Why a `notRun` cell did not run, e.g. "exercise 2.1 forward pass not done yet (chapters/02.md:40)".
  public var notRunReason: String?
  /// The exercise whose stub stopped the chapter in this cell (`exercise("2.1 forward pass")`), if one did.
  public var unfinishedExercise: String?

  /// A result; outputs, error and time default to none.
  public init(
    status: Status, outputs: [CellOutput] = [], error: CellError? = nil, seconds: Double = 0,
    notRunReason: String? = nil
  ) {
    self.status = status
    self.outputs = outputs
    self.error = error
    self.seconds = seconds
    self.notRunReason = notRunReason
  }

  /// The verdicts of the cell's checks, in order.
  public var checks: [CheckResult] {
    outputs.compactMap { if case .check(let check) = $0 { check } else { nil } }
  }
}

/// One thing a cell showed.
public enum CellOutput: Sendable, Equatable, Codable {
  /// Printed text, raw (weaving escapes it).
  case text(String)
  /// A figure file name inside `ExecutedChapter.displayDirectory` (an `.svg`; a `.png` of the same stem beside it when rendered).
  case figure(String)
  /// Markdown to render as prose (from `show(markdown:)`).
  case markdown(String)
  /// A LaTeX display equation (from `show(latex:)`).
  case latex(String)
  /// A table (from `show(table)`): column headers and rows of cell texts, raw.
  case table(header: [String], rows: [[String]])
  /// Printed text left out of the page (the cell printed more than its `output-lines`): how many lines, and
  /// the file inside `ExecutedChapter.displayDirectory` holding the cell's whole printed text.
  case truncated(omittedLines: Int, fullOutput: String)
  /// A check's verdict (from `check(…)`).
  case check(CheckResult)
}

/// The verdict of one `check(name, condition, message)` of a cell.
public struct CheckResult: Sendable, Equatable, Codable {
  /// The check's name, e.g. "log-det matches Jacobian".
  public var name: String
  /// Whether it held.
  public var passed: Bool
  /// What was found, e.g. "worst error 0.73 at sample 12 (tolerance 1e-4)".
  public var message: String
  /// 0-based line of the `check` call inside its cell's code, when the call is in the cell.
  public var lineOffset: Int?

  /// A verdict from its parts.
  public init(name: String, passed: Bool, message: String, lineOffset: Int? = nil) {
    self.name = name
    self.passed = passed
    self.message = message
    self.lineOffset = lineOffset
  }
}

/// Why a cell failed, located in the chapter.
public struct CellError: Sendable, Equatable {
  /// The message, raw (weaving escapes it): `chapters/x.md:line:col: error: …` diagnostics, each followed
  /// by its source line and a caret, as the terminal shows them; or a runtime message such as `Fatal error: …`.
  public var message: String
  /// `chapters/<file>.md`, where the error is.
  public var file: String
  /// 1-based chapter line of the (first) error, where known.
  public var line: Int?
  /// 1-based column on `line`, where known.
  public var column: Int?

  /// An error with its location.
  public init(message: String, file: String, line: Int? = nil, column: Int? = nil) {
    self.message = message
    self.file = file
    self.line = line
    self.column = column
  }
}

/// A chapter together with the results of its cells, indexed like `Chapter.cells`.
public struct ExecutedChapter: Sendable {
  /// The chapter as parsed.
  public var chapter: Chapter
  /// One result per `chapter.cells` entry, same order.
  public var results: [CellResult]
  /// Folder holding the figures named in `results`.
  public var displayDirectory: String
  /// Whether the results came from the cache (nothing compiled or ran).
  public var cached: Bool
  /// The values of `chapter.inlineExpressions`, in order; nil where none was computed.
  public var inlineValues: [String?]
  /// The errors of inline expressions that did not compile or trapped, at their chapter lines.
  public var inlineError: CellError?
  /// The same errors by the index of their expression in `chapter.inlineExpressions`, as printed.
  public var inlineErrors: [Int: String] = [:]
  /// The `-P` parameters the chapter's program read (`*`: all of them).
  public var parametersRead: Set<String> = []
  /// Those of `parametersRead` the book's shared source read (they key `Build.sharedDirectory`).
  public var sharedParametersRead: Set<String> = []
  /// Warnings the chapter's program sent while it ran (none when it came from the cache), e.g. a `memo` value
  /// that could not be read.
  public var warnings: [BuildWarning] = []

  /// Results of `chapter`'s cells with the folder of their figures, and the values of its inline expressions.
  public init(
    chapter: Chapter, results: [CellResult], displayDirectory: String, cached: Bool = false,
    inlineValues: [String?] = [], inlineError: CellError? = nil
  ) {
    self.chapter = chapter
    self.results = results
    self.displayDirectory = displayDirectory
    self.cached = cached
    self.inlineValues = inlineValues
    self.inlineError = inlineError
  }

  /// The value computed for `expression` (one of `chapter.inlineExpressions`), if any.
  public func inlineValue(for expression: InlineExpression) -> String? {
    guard let index = chapter.inlineExpressions.firstIndex(of: expression), index < inlineValues.count else {
      return nil
    }
    return inlineValues[index]
  }
}

/// Title and authors of the whole book (from `chapters/book.yml`, or defaults).
public struct BookMetadata: Sendable, Equatable {
  /// The book's title (`book.yml`, else the first chapter's front-matter title, else the folder name).
  public var title: String
  /// Author names, in order.
  public var authors: [String]
  /// Whether chapter pages show each cell's run time (`cell-times: false` in `book.yml` hides them; the
  /// print version and the PDF never show them).
  public var showsCellTimes: Bool
  /// The files of `bibliography:`, read, which citations such as `[@key]` refer to.
  public var bibliography: [BibliographyFile]
  /// `citation-style:`, numeric unless set.
  public var citationStyle: CitationStyle
  /// The preface shown on the index page: Markdown prose (no cells), and its file for error messages.
  public var preface: (markdown: String, file: String)?

  /// Metadata with a title and optional authors, cell-time setting, bibliography and preface.
  public init(
    title: String, authors: [String] = [], showsCellTimes: Bool = true,
    bibliography: [BibliographyFile] = [], citationStyle: CitationStyle = .numeric,
    preface: (markdown: String, file: String)? = nil
  ) {
    self.title = title
    self.authors = authors
    self.showsCellTimes = showsCellTimes
    self.bibliography = bibliography
    self.citationStyle = citationStyle
    self.preface = preface
  }

  public static func == (a: BookMetadata, b: BookMetadata) -> Bool {
    a.title == b.title && a.authors == b.authors && a.showsCellTimes == b.showsCellTimes
      && a.bibliography == b.bibliography && a.citationStyle == b.citationStyle
      && a.preface?.markdown == b.preface?.markdown && a.preface?.file == b.preface?.file
  }
}
