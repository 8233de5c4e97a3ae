/// Turns what a crashed chapter program wrote to standard error into a diagnostic for its cell.
enum RuntimeFailure {
  /// The message without the Swift runtime's `file:line: ` prefix; the line becomes relative to `cellStart`.
  static func diagnostic(from standardError: String, cellStart: Int?) -> ChapterRun.Diagnostic {
    // The runtime's stack trace lists addresses in the generated program, which say nothing about the cell.
    let text = String(standardError.split(separator: "Current stack trace:", maxSplits: 1).first ?? "").trimmed
    guard let match = text.firstMatch(of: /(?m)^(.+?\.md):(\d+): (.*)/) else {
      return ChapterRun.Diagnostic(severity: "error", text: text.isEmpty ? "the cell crashed" : text)
    }
    var message = String(match.3)
    let rest = String(text[match.range.upperBound...]).trimmed
    if !rest.isEmpty { message += "\n" + rest }
    let offset = cellStart.flatMap { start in Int(match.2).map { $0 - start } }
    return ChapterRun.Diagnostic(severity: "error", text: message, lineOffset: offset)
  }
}
