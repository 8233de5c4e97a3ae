import Foundation
import _TestSupport

/// A two-chapter book for the preview tests: chapter 1 has prose and one cell, chapter 2 prose only.
enum PreviewBook {
  static let intro = "chapters/01-intro.md"

  /// Chapter 1 with `prose` and a cell printing `value`.
  static func intro(prose: String, cell: String = #"print("value:", 1)"#) -> String {
    "# Intro\n\n\(prose)\n\n```{swift}\n\(cell)\n```\n"
  }

  /// A fresh book folder, with a `Package.swift` beside `output/` that no request may reach.
  static func make() throws -> TemporaryDirectory {
    let book = try TemporaryDirectory()
    try book.write(intro(prose: "First prose."), to: intro)
    try book.write("# Other\n\nNothing runs here.\n", to: "chapters/02-other.md")
    try book.write("// not for the browser: secret-of-the-book\n", to: "Package.swift")
    return book
  }

  /// Replaces chapter 1 the way an editor saves: a new file renamed over the old one.
  static func save(_ text: String, to file: String, in book: TemporaryDirectory) throws {
    try text.write(toFile: book.path + "/" + file, atomically: true, encoding: .utf8)
  }
}
