/// Turns what a crashed chapter program wrote to standard error into a diagnostic for its cell.
enum RuntimeFailure {
  /// The message without the Swift runtime's `file:line: ` prefix; the line becomes relative to `cellStart`.
  /// `ending` says how the program ended, for a crash that wrote nothing.
  static func diagnostic(
    from standardError: String, cellStart: Int?, ending: String = "the cell crashed"
  ) -> ChapterRun.Diagnostic {
    // The runtime's stack trace lists addresses in the generated program, which say nothing about the cell.
    let text = String(standardError.split(separator: "Current stack trace:", maxSplits: 1).first ?? "").trimmed
    guard let match = text.firstMatch(of: /(?m)^(.+?\.md):(\d+): (.*)/) else {
      return ChapterRun.Diagnostic(severity: "error", text: text.isEmpty ? ending : text)
    }
    var message = String(match.3)
    let rest = String(text[match.range.upperBound...]).trimmed
    if !rest.isEmpty { message += "\n" + rest }
    let offset = cellStart.flatMap { start in Int(match.2).map { $0 - start } }
    return ChapterRun.Diagnostic(severity: "error", text: message, lineOffset: offset)
  }

  /// How a program ended, in words: `the cell crashed (signal 11, SIGSEGV)` or `… exited with code 3`.
  static func ending(exitCode: Int32, signal: Int32?) -> String {
    guard let signal else { return "the chapter program exited with code \(exitCode) in this cell" }
    let names: [Int32: String] = [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV"]
    return "the cell crashed (signal \(signal)\(names[signal].map { ", \($0)" } ?? ""))"
  }
}
