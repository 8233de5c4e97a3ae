extension ChapterRun {
  /// `chapter` with this run's cell results and inline values, figures in `displayDirectory`.
  func executed(_ chapter: Chapter, displayDirectory: String, cached: Bool = false) -> ExecutedChapter {
    let inline = inlineResults(for: chapter)
    var executed = ExecutedChapter(
      chapter: chapter, results: results(for: chapter), displayDirectory: displayDirectory, cached: cached,
      inlineValues: inline.values, inlineError: inline.error)
    executed.parametersRead = parametersRead
    executed.sharedParametersRead = sharedParametersRead ?? []
    return executed
  }

  /// The values of `chapter`'s inline expressions in reading order (nil where none was computed), and
  /// the compile errors of those that failed, located at their chapter line and column.
  func inlineResults(for chapter: Chapter) -> (values: [String?], error: CellError?) {
    let expressions = chapter.inlineExpressions
    let values = expressions.indices.map { inlineValues[$0] }
    var messages: [String] = []
    var first: (line: Int, column: Int)?
    for index in inlineDiagnostics.keys.sorted() where expressions.indices.contains(index) {
      let expression = expressions[index]
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
    }
    guard let first else { return (values, nil) }
    let error = CellError(
      message: messages.joined(separator: "\n"), file: chapter.file, line: first.line, column: first.column)
    return (values, error)
  }
}
