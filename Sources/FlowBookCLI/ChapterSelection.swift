import Foundation
import Notebook

/// The chapters a build runs: all of them, or those named (`flowbook build chapters/04-training.md`) or
/// picked by the start of their file name (`--only 04`). The others come from the cache when it holds their
/// results for the current sources and settings, or are reported "not built", never shown stale.
struct ChapterSelection {
  /// Chapter files as given, e.g. `chapters/04-training.md` or `04-training.md`.
  var files: [String]
  /// Starts of chapter file names, e.g. `04`.
  var prefixes: [String]

  /// Whether the build runs every chapter.
  var isAll: Bool { files.isEmpty && prefixes.isEmpty }

  /// Whether `chapter` is to be built.
  func contains(_ chapter: Chapter) -> Bool {
    let name = (chapter.file as NSString).lastPathComponent
    return isAll || files.contains { $0 == name || $0 == chapter.file || $0.hasSuffix("/" + chapter.file) }
      || prefixes.contains { name.hasPrefix($0) }
  }

  /// Fails naming the first file or prefix that selects no chapter of `chapters`.
  func check(against chapters: [Chapter]) throws {
    for file in files where !chapters.contains(where: { ChapterSelection(files: [file], prefixes: []).contains($0) }) {
      throw UserError(
        "\(file) is not a chapter of this book (chapters: \(chapters.map(\.file).joined(separator: ", ")))")
    }
    for prefix in prefixes
    where !chapters.contains(where: { ChapterSelection(files: [], prefixes: [prefix]).contains($0) }) {
      throw UserError("--only \(prefix): no chapter file name starts with '\(prefix)'")
    }
  }

  /// `chapter` as not built: every cell "not run", with the reason.
  static func notBuilt(_ chapter: Chapter) -> ExecutedChapter {
    let results = chapter.cells.map { _ in
      CellResult(
        status: .notRun,
        notRunReason: notBuiltReason + " (this build ran only some chapters, and the cache holds no results for "
          + "this one: flowbook build \(chapter.file))")
    }
    return ExecutedChapter(chapter: chapter, results: results, displayDirectory: "")
  }

  /// Whether `executed` stands for a chapter this build left out (see `notBuilt`).
  static func wasNotBuilt(_ executed: ExecutedChapter) -> Bool {
    executed.results.contains { $0.notRunReason?.hasPrefix(notBuiltReason) == true }
  }

  private static let notBuiltReason = "this chapter was not built"
}
