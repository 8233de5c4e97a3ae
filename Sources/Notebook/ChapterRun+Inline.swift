extension ChapterRun {
  /// `chapter` with this run's cell results and inline values, figures in `displayDirectory`.
  func executed(_ chapter: Chapter, displayDirectory: String, cached: Bool = false) -> ExecutedChapter {
    let inline = inlineResults(for: chapter)
    var executed = ExecutedChapter(
      chapter: chapter, results: results(for: chapter), displayDirectory: displayDirectory, cached: cached,
      inlineValues: inline.values, inlineError: inline.error)
    executed.inlineErrors = inline.errors
    executed.parametersRead = parametersRead
    executed.sharedParametersRead = sharedParametersRead ?? []
    executed.warnings = warnings ?? []
    return executed
  }

  /// The values of `chapter`'s inline expressions in reading order (nil where none was computed), the errors
  /// of those that failed to compile or to run, by index, and all of them as one error located at the first.
  func inlineResults(for chapter: Chapter) -> (values: [String?], errors: [Int: String], error: CellError?) {
    let expressions = chapter.inlineExpressions
    let values = expressions.indices.map { inlineValues[$0] }
    var messages: [String] = []
    var errors: [Int: String] = [:]
    var first: (line: Int, column: Int)?
    for index in inlineDiagnostics.keys.sorted() where expressions.indices.contains(index) {
      let expression = expressions[index]
      let before = messages.count
      for diagnostic in inlineDiagnostics[index] ?? [] {
        let column = diagnostic.column ?? expression.column
        if first == nil { first = (expression.line, column) }
        // The expression as written, with a caret under the column the compiler named.
        let shown = "`\(InlineExpression.marker) "
        let caret = String(repeating: " ", count: max(0, shown.count + column - expression.column)) + "^"
        messages.append(
          "\(chapter.file):\(expression.line):\(column): \(diagnostic.severity): \(diagnostic.text)\n"
            + "\(shown)\(expression.code)`\n\(caret)")
      }
      if messages.count > before { errors[index] = messages[before...].joined(separator: "\n") }
    }
    guard let first else { return (values, errors, nil) }
    let error = CellError(
      message: messages.joined(separator: "\n"), file: chapter.file, line: first.line, column: first.column)
    return (values, errors, error)
  }
}
