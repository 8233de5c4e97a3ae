import Foundation

/// Swift code every chapter of a book compiles with: the book's `shared:` file (`chapters/book.yml`), e.g. the
/// course's training recipe, so chapters call it instead of each carrying a copy.
///
/// It is a second file of every chapter's program (beside the cells' `main.swift`), wrapped in `#sourceLocation`:
/// its declarations are visible in every cell, compiler errors in it name `chapters/<file>.swift:<line>:<col>`,
/// it may hold declarations only (no statements), and its global constants are computed when a cell first
/// uses them, so a failure there is reported at that cell.
/// Its text is part of every chapter's cache key: editing it reruns the chapters, prose edits still do not.
public struct SharedSource: Sendable, Equatable {
  /// Path relative to the book, e.g. `chapters/course.swift`; used in every diagnostic.
  public var file: String
  /// The file's Swift code.
  public var code: String
  /// 1-based line of `file` where `code` starts: 1 for a Swift file, the cell's line for an exported cell.
  public var line: Int

  /// A shared source from its parts (normally read by `Book.load` from `book.yml`'s `shared:`, or an
  /// `export: true` cell of an earlier chapter).
  public init(file: String, code: String, line: Int = 1) {
    self.file = file
    self.code = code
    self.line = line
  }

  /// Reads `name` (relative to `chapters/`, a `.swift` file inside it) of the book in `directory`;
  /// errors name `book.yml`'s `line`.
  static func read(_ name: String, bookDirectory directory: String, line: Int) throws(BookError) -> SharedSource {
    let file = "chapters/" + name
    guard name.hasSuffix(".swift"), !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
      throw BookError(
        file: BookConfiguration.file, line: line,
        "'shared: \(name)' must name a .swift file inside chapters/, e.g. 'shared: course.swift'")
    }
    guard let code = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else {
      throw BookError(file: BookConfiguration.file, line: line, "cannot read the shared source '\(file)'")
    }
    return SharedSource(file: file, code: code)
  }
}
