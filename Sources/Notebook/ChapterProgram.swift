/// Turns a chapter's cells into one Swift program, so state flows from cell to cell.
///
/// Each cell is announced to the runtime (so output is attributed to it) and wrapped in
/// `#sourceLocation`, so compiler diagnostics and runtime traps name the chapter file and line.
/// A cell marked `error: true` runs in a forked copy of the program (`_beginIsolatedCell`), so its
/// failure neither stops the chapter nor changes the state later cells see; its declarations stand at file
/// scope (`IsolatedCellCode`). The book's shared source, if any,
/// is a second file of the program, so it holds declarations only and its globals are initialised on first use.
enum ChapterProgram {
  /// The program running `cells` (a subset of `chapter.cells`, in order), then, with `inline`, the
  /// chapter's inline expressions.
  static func source(for chapter: Chapter, cells: [Cell], inline: Bool = false) -> String {
    var program = "import CellRuntime\n"
    for cell in cells {
      let located = located(cell.code, file: chapter.file, line: cell.line)
      if cell.options.expectsError {
        // Its declarations stand at file scope; only its statements run in the forked copy.
        let split = IsolatedCellCode(splitting: cell.code)
        if split.declarations.contains(where: { !$0.isWhitespace }) {
          program += Self.located(split.declarations, file: chapter.file, line: cell.line)
        }
        let statements = Self.located(split.statements, file: chapter.file, line: cell.line)
        program += "if _beginIsolatedCell(\(cell.index)) {\n\(statements)_endIsolatedCell()\n}\n"
      } else {
        program += "_beginCell(\(cell.index))\n\(located)"
      }
    }
    if inline { program += inlineValues(of: chapter) }
    return program
  }

  /// Each inline expression in a closure whose `return` line is located at the expression's chapter
  /// line and indented so that the expression starts at its chapter column: compile errors then name
  /// `chapter.md:line:col` exactly. The closure keeps the expression's type its own.
  private static func inlineValues(of chapter: Chapter) -> String {
    var program = ""
    for (index, expression) in chapter.inlineExpressions.enumerated() {
      let returnKeyword = "return "
      let indent = String(repeating: " ", count: max(0, expression.column - 1 - returnKeyword.count))
      program += "_inlineValue(\(index)) {\n"
      program += located(indent + returnKeyword + expression.code, file: chapter.file, line: expression.line)
      program += "}\n"
    }
    return program
  }

  /// The book's shared source as a file of the program, located at its path in the book.
  static func source(for shared: SharedSource) -> String {
    "import CellRuntime\n" + located(shared.code, file: shared.file, line: shared.line)
  }

  /// The `export: true` cells of earlier chapters as one file of the program, each located at its chapter line.
  static func source(forExports exports: [SharedSource]) -> String {
    "import CellRuntime\n" + exports.map { located($0.code, file: $0.file, line: $0.line) }.joined()
  }

  /// `code` wrapped in `#sourceLocation`, so diagnostics name `file` from `line` on.
  private static func located(_ code: String, file: String, line: Int) -> String {
    let quoted = file.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    let ending = code.hasSuffix("\n") ? "" : "\n"
    return "#sourceLocation(file: \"\(quoted)\", line: \(line))\n\(code)\(ending)#sourceLocation()\n"
  }
}
