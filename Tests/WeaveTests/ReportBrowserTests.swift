import Foundation
import Notebook
import Testing
import Weave
import _TestSupport

/// The fixture report, written to disk with its assets and opened in headless Chromium: math typeset,
/// images loaded, code highlighted, no console errors, nothing fetched from outside the folder.
///
/// The report is written once for the suite and each page opened once (`FixtureReport`): opening and
/// typesetting a page costs CPU, so the tests that read the same page share its outcome.
/// Set `FLOWBOOK_FIXTURE_REPORT=DIR` (a folder that does not exist yet) to keep a copy of the report to look at.
@Suite(.fixtureReport) struct ReportBrowserTests {
  private func check(_ page: String) async throws -> BrowserCheck.Outcome {
    try await #require(FixtureReport.current, "the suite's scope writes the report").outcome(of: page)
  }

  @Test(arguments: ["index.html", "01-intro.html", "02-coupling.html", "print.html"])
  func pageRendersCleanlyOffline(page: String) async throws {
    let outcome = try await check(page)
    let result = outcome.result
    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(outcome.consoleLines.isEmpty, "\(outcome.consoleLines)")
    #expect(result.outsideURLs.isEmpty, "\(result.outsideURLs)")
    #expect(result.unrenderedMath == 0)
    #expect(result.katexErrors == 0)
    #expect(!result.rawDollarText)
    for image in result.images {
      #expect(image.naturalWidth > 0, "\(image.src) did not load")
    }
    #expect(result.highlightedBlocks == result.codeBlocks)
  }

  @Test func chapterPageShowsMathFigureAndHighlightedCode() async throws {
    let result = try await check("02-coupling.html").result
    // Two formulas, and the two equations shown in the tooltips of the links to them.
    #expect(result.mathElements == 4)
    let image = try #require(result.images.first)
    #expect(image.src.hasSuffix("figures/02-coupling/moons.svg"))
    #expect(result.codeBlocks == 3)
    #expect(result.highlightedTokens > 0)
    #expect(result.text.contains("Figure 1: Two moons"))
    #expect(result.text.contains("<script>alert(2)</script>"))
  }

  @Test func printVersionHoldsTheWholeBook() async throws {
    let result = try await check("print.html").result
    #expect(result.text.contains("Printing costs $5 and $10."))
    #expect(result.text.contains("A tip\n\nCallouts hold Markdown: bold and a link."))
    #expect(result.text.contains("<script>alert(1)</script>"))
    #expect(result.images.count == 1)
    // Seven formulas, and three equation links' tooltips.
    #expect(result.mathElements == 10)
  }
}

extension ReportBrowserTests {
  /// The check itself can fail: bad TeX shows up as a KaTeX error, a missing figure as an image that did not load
  /// and in the console.
  @Test func checkSeesTeXErrorsAndBrokenImages() throws {
    let broken = try TemporaryDirectory()
    let chapter = ExecutedChapter(
      chapter: Chapter(
        file: "chapters/01-bad.md", blocks: [.prose("# Bad\n\nThis $\\frac{1}{$ breaks.", line: 1)]),
      results: [], displayDirectory: broken.path)
    let report = try ReportBuilder(metadata: BookMetadata(title: "Bad")).build([chapter])
    try ReportWriter.write(report, to: broken.path)
    let page = try String(contentsOfFile: broken.path + "/print.html", encoding: .utf8)
      .replacingOccurrences(
        of: "</article>", with: "<p><img src=\"figures/none.svg\" alt=\"none\"></p>\n</article>")
    try page.write(toFile: broken.path + "/print.html", atomically: true, encoding: .utf8)
    let outcome = try BrowserCheck().check(page: "print.html", in: broken.path)
    let result = outcome.result
    #expect(result.katexErrors == 1)
    #expect(result.images.map(\.naturalWidth) == [0])
    #expect(
      result.problems.contains { $0.contains("failed to load") && $0.hasSuffix("figures/none.svg") }
    )
    // The console net sees it too.
    #expect(outcome.consoleLines.contains { $0.contains("figures/none.svg") }, "\(outcome.consoleLines)")
  }
}
