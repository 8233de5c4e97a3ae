/// What running a chapter produced, with every location relative to its cell, so a cached run stays
/// right after prose edits move the cells to other lines.
struct ChapterRun: Codable, Sendable {
  /// One problem found in a cell: by the compiler, at run time, or by the engine (a timeout).
  struct Diagnostic: Codable, Sendable, Equatable {
    /// `error` or `note`.
    var severity: String
    var text: String
    /// 0-based line inside the cell's code, and 1-based column, where known.
    var lineOffset: Int?
    var column: Int?
    /// 1-based line in the book's shared source, for a diagnostic located there rather than in the cell.
    var sharedLine: Int?
  }

  struct CellRun: Codable, Sendable {
    var status: CellResult.Status = .notRun
    var outputs: [CellOutput] = []
    var seconds: Double = 0
    var diagnostics: [Diagnostic] = []
    /// The unfinished exercise (`exercise(name)`) that stopped the chapter in this cell.
    var exercise: String?
    /// Why a cell did not run, when it is not simply that an earlier cell failed.
    var notRunReason: String?
  }

  var cells: [CellRun]
  /// Values of the chapter's inline expressions (`Chapter.inlineExpressions`), by index.
  var inlineValues: [Int: String] = [:]
  /// Compile errors of inline expressions, by index; columns are the chapter's.
  var inlineDiagnostics: [Int: [Diagnostic]] = [:]
  /// Whether the run may be replayed from the cache: not when it was cut short by a timeout or a signal.
  var isReproducible = true
  /// The `-P` parameters the chapter read (`*`: all of them).
  var parametersRead: Set<String> = []
  /// Those of `parametersRead` the book's shared source read (nil in entries stored before this was recorded).
  var sharedParametersRead: Set<String>?
  /// Warnings the program sent (`CellProtocol.Event.warning`), about this run only: never stored in the cache.
  var warnings: [BuildWarning]?

  init(cellCount: Int) {
    cells = Array(repeating: CellRun(), count: cellCount)
  }

  /// The results of `chapter`'s cells, errors located at the chapter's current lines.
  func results(for chapter: Chapter) -> [CellResult] {
    var stopReason: String?
    return zip(chapter.cells, cells).map { cell, run in
      guard run.status == .error, !run.diagnostics.isEmpty else {
        let reason = run.status == .notRun ? run.notRunReason ?? stopReason : nil
        return CellResult(status: run.status, outputs: run.outputs, seconds: run.seconds, notRunReason: reason)
      }
      if stopReason == nil, !cell.options.expectsError {
        let location = "\(chapter.file):\(cell.line + (run.diagnostics.first?.lineOffset ?? 0))"
        stopReason =
          run.exercise.map { "exercise \($0) is not done yet (\(location))" } ?? "an earlier cell failed (\(location))"
      }
      let message = run.diagnostics.map { Self.render($0, in: cell, of: chapter) }.joined(separator: "\n")
      let error: CellError
      if let shared = chapter.shared, let located = run.diagnostics.first(where: { $0.sharedLine != nil }) {
        error = CellError(message: message, file: shared.file, line: located.sharedLine, column: located.column)
      } else {
        let located = run.diagnostics.first { $0.lineOffset != nil }
        error = CellError(
          message: message, file: chapter.file, line: cell.line + (located?.lineOffset ?? 0), column: located?.column)
      }
      var result = CellResult(status: .error, outputs: run.outputs, error: error, seconds: run.seconds)
      result.unfinishedExercise = run.exercise
      return result
    }
  }

  /// `file:line:col: error: text`, then the source line (of the cell, or of the shared source) and a caret
  /// under the column.
  static func render(_ diagnostic: Diagnostic, in cell: Cell, of chapter: Chapter) -> String {
    var file = chapter.file
    var (code, line, offset) = (cell.code, cell.line, 0)
    if let shared = chapter.shared, let sharedLine = diagnostic.sharedLine {
      (file, code, line, offset) = (shared.file, shared.code, 1, sharedLine - 1)
    } else if let lineOffset = diagnostic.lineOffset {
      offset = lineOffset
    } else {
      return "\(file):\(cell.line): \(diagnostic.severity): \(diagnostic.text)"
    }
    let column = diagnostic.column.map { ":\($0)" } ?? ""
    var text = "\(file):\(line + offset)\(column): \(diagnostic.severity): \(diagnostic.text)"
    let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.indices.contains(offset) {
      text += "\n" + lines[offset]
      if let caret = diagnostic.column, caret >= 1 { text += "\n" + String(repeating: " ", count: caret - 1) + "^" }
    }
    return text
  }
}
