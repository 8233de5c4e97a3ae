import Foundation
import _TestSupport

/// A small book built from the course's own chapter cells: chapter 2 (the coupling layer and its exercises)
/// and, when asked, chapter 3 up to its trained-flow figures (the masks and the stack), with the course's
/// shared source. References to labels of the chapters left out become plain text, so the book weaves alone.
struct CourseFixture {
  let book: TemporaryDirectory

  /// The fixture, with `edit` applied to each chapter's text (e.g. a planted mistake).
  init(stacking: Bool, edit: (String) -> String = { $0 }) throws {
    book = try TemporaryDirectory()
    var chapters = [try Self.course("02-affine-coupling.md")]
    if stacking {
      let full = try Self.course("03-stacking.md")
      chapters.append(String(full[..<full.range(of: "## What each layer does")!.lowerBound]))
    }
    chapters = chapters.map(edit)
    let defined = Set(
      chapters.flatMap { text in
        text.matches(of: /\{#([A-Za-z][\w-]*)\}|\/\/\| label: ([\w-]+)/).map { String($0.1 ?? $0.2!) }
      })
    let names = ["02-affine-coupling.md", "03-stacking.md"]
    for (name, text) in zip(names, chapters) {
      let local = text.replacing(/@((?:sec|eq|fig|tbl)-[\w-]*\w)/) {
        defined.contains(String($0.1)) ? String($0.0) : String($0.1)
      }
      try book.write(local, to: "chapters/" + name)
    }
    try book.write(try Self.course("course.swift"), to: "chapters/course.swift")
    try book.write(try Self.course("references.bib"), to: "chapters/references.bib")
    try book.write(
      "title: Coupling fixture\nchapters:\n" + names.prefix(chapters.count).map { "  - \($0)\n" }.joined()
        + "shared: course.swift\nbibliography: references.bib\n", to: "chapters/book.yml")
  }

  /// The text of the course's `chapters/<name>`.
  static func course(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("chapters/" + name), encoding: .utf8)
  }

  /// Builds the fixture (`--quick`) and returns the run and every check of build.json by name.
  func build() throws -> (run: FlowBookBinary.Run, checks: [String: (passed: Bool, message: String)]) {
    let run = try FlowBookBinary.run(["build", "--book", book.path, "--quick"])
    var checks: [String: (passed: Bool, message: String)] = [:]
    let record = try BuildRecordReader(book: book.path)
    for chapter in record.json["chapters"] as? [[String: Any]] ?? [] {
      for cell in chapter["cells"] as? [[String: Any]] ?? [] {
        for check in cell["checks"] as? [[String: Any]] ?? [] {
          checks[check["name"] as? String ?? ""] = (
            check["passed"] as? Bool ?? false, check["message"] as? String ?? ""
          )
        }
      }
    }
    return (run, checks)
  }
}
