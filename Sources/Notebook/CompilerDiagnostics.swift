/// Reads `swiftc -diagnostic-style=llvm` output: `file:line:col: severity: text` lines (source snippets skipped).
enum CompilerDiagnostics {
  /// One diagnostic at an absolute chapter line, or unlocated (e.g. a linker error).
  struct Located {
    var severity: String
    var text: String
    var file: String?
    var line: Int?
    var column: Int?
  }

  /// The errors and their notes in `output`; warnings are dropped (cells are not linted).
  static func parse(_ output: String) -> [Located] {
    var diagnostics: [Located] = []
    var keepNotes = false
    for line in output.split(separator: "\n") {
      if let match = line.wholeMatch(of: /(.+?):(\d+):(\d+): (error|warning|note): (.*)/) {
        let severity = String(match.4)
        keepNotes = severity == "error" || (severity == "note" && keepNotes)
        guard keepNotes else { continue }
        diagnostics.append(
          Located(
            severity: severity, text: String(match.5), file: String(match.1), line: Int(match.2), column: Int(match.3)))
      } else if let match = line.wholeMatch(of: /(?:.*?: )?error: (.*)/) {
        keepNotes = true
        diagnostics.append(Located(severity: "error", text: String(match.1)))
      }
    }
    return diagnostics
  }
}
