/// Turns a chapter's cells into one Swift program, so state flows from cell to cell.
///
/// Each cell is announced to the runtime (so output is attributed to it) and wrapped in
/// `#sourceLocation`, so compiler diagnostics name the chapter file and line.
enum ChapterProgram {
  static func source(for chapter: Chapter) -> String {
    var program = "import CellRuntime\n"
    for cell in chapter.cells {
      program += "_beginCell(\(cell.index))\n"
      program += "#sourceLocation(file: \"\(chapter.file)\", line: \(cell.line))\n"
      program += cell.code
      if !cell.code.hasSuffix("\n") { program += "\n" }
      program += "#sourceLocation()\n"
    }
    return program
  }
}
