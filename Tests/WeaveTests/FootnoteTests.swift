import Notebook
import Testing
import Weave

/// `[^label]` footnotes through cmark-gfm's footnote option: numbered per chapter, listed at its end
/// with links both ways, with math and cross-references inside, defined anywhere in the chapter.
@Suite struct FootnoteTests {
  private func report(_ blocks: [Block], results: [CellResult] = []) throws -> Report {
    let chapter = ExecutedChapter(
      chapter: Chapter(file: "chapters/01-a.md", blocks: blocks), results: results,
      displayDirectory: "/nonexistent")
    let second = ExecutedChapter(
      chapter: Chapter(file: "chapters/02-b.md", blocks: [.prose("# B\n\nAlso[^x].\n\n[^x]: B's note.", line: 1)]),
      results: [], displayDirectory: "/nonexistent")
    return try ReportBuilder(metadata: BookMetadata(title: "T"), assets: nil).build([chapter, second])
  }

  @Test func notesAreNumberedByFirstReferenceAndListedAtTheChapterEnd() throws {
    let cell = Cell(index: 0, code: "print(1)", line: 6)
    let report = try report(
      [
        .prose(
          "# A {#sec-a}\n\nFirst[^b] then[^a], and[^b] again.\n\n[^a]: Note with $x^2$ and @sec-a.\n",
          line: 1),
        .cell(cell),
        .prose("After the cell.\n\n[^b]: Defined after a cell,\n    in two paragraphs.\n\n    Second one.", line: 9),
      ], results: [CellResult(status: .ok)])
    let html = try #require(report.text("01-a.html"))
    #expect(
      html.contains(
        "First<sup class=\"footnote-ref\"><a href=\"#fn-1-1\" id=\"fnref-1-1\" role=\"doc-noteref\">1</a></sup> then<sup class=\"footnote-ref\"><a href=\"#fn-1-2\" id=\"fnref-1-2\" role=\"doc-noteref\">2</a></sup>, and<sup class=\"footnote-ref\"><a href=\"#fn-1-1\" role=\"doc-noteref\">1</a></sup> again."
      ))
    let section = try #require(html.firstRange(of: "<section class=\"footnotes\""))
    let notes = html[section.lowerBound...]
    #expect(
      notes.contains(
        "<li id=\"fn-1-1\">\n<p>Defined after a cell,\nin two paragraphs.</p>\n<p>Second one. <a href=\"#fnref-1-1\" class=\"footnote-back\""
      ))
    #expect(
      notes.contains(
        "<li id=\"fn-1-2\">\n<p>Note with <span class=\"math inline\">x^2</span> and <a class=\"cross-reference\" href=\"#sec-a\">Chapter 1</a>. <a href=\"#fnref-1-2\""
      ))
    #expect(!html.contains("data-footnotes"))
    #expect(!html.contains("[^"))
    // The definitions left the prose: "After the cell." is the last paragraph before the notes.
    #expect(html.contains("<p>After the cell.</p>\n<section class=\"footnotes\""))
  }

  @Test func printKeepsEachChaptersNotesWithUniqueIDs() throws {
    let report = try report([.prose("# A\n\nText[^x].\n\n[^x]: A's note.", line: 1)])
    let print = try #require(report.text("print.html"))
    #expect(print.contains("<li id=\"fn-1-1\">\n<p>A's note."))
    #expect(print.contains("<li id=\"fn-2-1\">\n<p>B's note."))
    #expect(print.ranges(of: "<section class=\"footnotes\"").count == 2)
  }
}
