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
  }

  struct CellRun: Codable, Sendable {
    var status: CellResult.Status = .notRun
    var outputs: [CellOutput] = []
    var seconds: Double = 0
    var diagnostics: [Diagnostic] = []
  }

  var cells: [CellRun]
  /// Whether the run may be replayed from the cache: not when it was cut short by a timeout or a signal.
  var isReproducible = true

  init(cellCount: Int) {
    cells = Array(repeating: CellRun(), count: cellCount)
  }

  /// The results of `chapter`'s cells, errors located at the chapter's current lines.
  func results(for chapter: Chapter) -> [CellResult] {
    zip(chapter.cells, cells).map { cell, run in
      guard run.status == .error, !run.diagnostics.isEmpty else {
        return CellResult(status: run.status, outputs: run.outputs, seconds: run.seconds)
      }
      let located = run.diagnostics.first { $0.lineOffset != nil }
      let error = CellError(
        message: run.diagnostics.map { Self.render($0, in: cell, file: chapter.file) }.joined(separator: "\n"),
        file: chapter.file, line: cell.line + (located?.lineOffset ?? 0), column: located?.column)
      return CellResult(status: .error, outputs: run.outputs, error: error, seconds: run.seconds)
    }
  }

  /// `file:line:col: error: text`, then the cell's source line and a caret under the column.
  static func render(_ diagnostic: Diagnostic, in cell: Cell, file: String) -> String {
    guard let offset = diagnostic.lineOffset else {
      return "\(file):\(cell.line): \(diagnostic.severity): \(diagnostic.text)"
    }
    let column = diagnostic.column.map { ":\($0)" } ?? ""
    var text = "\(file):\(cell.line + offset)\(column): \(diagnostic.severity): \(diagnostic.text)"
    let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.indices.contains(offset) {
      text += "\n" + lines[offset]
      if let caret = diagnostic.column, caret >= 1 { text += "\n" + String(repeating: " ", count: caret - 1) + "^" }
    }
    return text
  }
}
