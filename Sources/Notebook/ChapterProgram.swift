/// Turns a chapter's cells into one Swift program, so state flows from cell to cell.
///
/// Each cell is announced to the runtime (so output is attributed to it) and wrapped in
/// `#sourceLocation`, so compiler diagnostics and runtime traps name the chapter file and line.
/// A cell marked `error: true` runs in a forked copy of the program (`_beginIsolatedCell`), so its
/// failure neither stops the chapter nor changes the state later cells see.
enum ChapterProgram {
  /// The program running `cells` (a subset of `chapter.cells`, in order).
  static func source(for chapter: Chapter, cells: [Cell]) -> String {
    let file = chapter.file.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    var program = "import CellRuntime\n"
    for cell in cells {
      var code = cell.code
      if !code.hasSuffix("\n") { code += "\n" }
      let located = "#sourceLocation(file: \"\(file)\", line: \(cell.line))\n\(code)#sourceLocation()\n"
      if cell.options.expectsError {
        program += "if _beginIsolatedCell(\(cell.index)) {\n\(located)_endIsolatedCell()\n}\n"
      } else {
        program += "_beginCell(\(cell.index))\n\(located)"
      }
    }
    return program
  }
}
