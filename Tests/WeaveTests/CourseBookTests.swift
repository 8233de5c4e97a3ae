import Foundation
import Notebook
import Testing
import Weave
import _TestSupport

/// The course shipped in `chapters/`, woven without running its cells: every cross-reference of the
/// course resolves, and every formula of the course typesets in Chromium without a KaTeX error.
/// (Cells are checked by `flowbook build`; this keeps the prose honest on every `make test`.)
/// Set `FLOWBOOK_COURSE_REPORT=DIR` to keep a copy of this report to look at.
@Suite struct CourseBookTests {
  private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The course's chapters, loaded, with every cell "not run".
  private func unrunCourse(displays: TemporaryDirectory) throws -> (Book, [ExecutedChapter]) {
    let book = try Book.load(from: root, includes: IncludeResolver(projectRoot: root))
    let chapters = book.chapters.map { chapter in
      ExecutedChapter(
        chapter: chapter, results: chapter.cells.map { _ in CellResult(status: .notRun) },
        displayDirectory: displays.path)
    }
    return (book, chapters)
  }

  @Test func everyFormulaOfTheCourseTypesetsAtBuildTimeAndTheBookHasNoWarnings() throws {
    let renderer = try #require(KaTeXRenderer.find(), "node and libjs-katex are installed by scripts/setup.sh")
    let displays = try TemporaryDirectory()
    let (book, chapters) = try unrunCourse(displays: displays)
    #expect(book.warnings.isEmpty, "\(book.warnings)")
    let report = try ReportBuilder(metadata: book.metadata, assets: nil, mathRenderer: renderer).build(chapters)
    let page = try #require(report.text("print.html"))
    #expect(page.contains("<span class=\"katex\">"))
    #expect(!page.contains("katex.min.js"))
  }

  @Test func courseProseWeavesAndEveryFormulaTypesets() throws {
    let displays = try TemporaryDirectory()
    let (book, chapters) = try unrunCourse(displays: displays)
    let report = try ReportBuilder(metadata: book.metadata).build(chapters)
    let folder = try TemporaryDirectory()
    try ReportWriter.write(report, to: folder.path)
    if let keep = ProcessInfo.processInfo.environment["FLOWBOOK_COURSE_REPORT"] {
      try ReportWriter.write(report, to: keep)
    }

    let outcome = try BrowserCheck().check(
      page: "print.html", in: folder.path)
    #expect(outcome.result.katexErrors == 0, "KaTeX could not typeset some of the course's TeX")
    #expect(outcome.result.unrenderedMath == 0)
    #expect(!outcome.result.rawDollarText)
    #expect(outcome.result.problems.isEmpty, "\(outcome.result.problems)")
    #expect(outcome.consoleLines.isEmpty, "\(outcome.consoleLines)")
  }
}
