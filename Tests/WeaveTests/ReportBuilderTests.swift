import Foundation
import Notebook
import Testing
import Weave
import _TestSupport

/// The report in memory (no assets, nothing written): pages, numbering, links, escaping, errors.
@Suite struct ReportBuilderTests {
  let book: FixtureBook
  let report: Report

  init() throws {
    book = try FixtureBook()
    report = try ReportBuilder(metadata: book.metadata, assets: nil).build(book.chapters)
  }

  private func page(_ name: String) throws -> String {
    try #require(report.text(name), "no \(name)")
  }

  @Test func writesIndexChapterPagesAndPrintVersion() throws {
    #expect(report.pagePaths == ["01-intro.html", "02-coupling.html", "index.html", "print.html"])
    let index = try page("index.html")
    #expect(index.contains("<h1 class=\"book-title\">Flows &lt;by&gt; Example</h1>"))
    #expect(index.contains("Ada Lovelace, Alan Turing"))
    #expect(
      index.contains(
        "<a href=\"02-coupling.html#sec-coupling\"><span class=\"section-number\">2.1</span> Affine coupling</a>"
      ))
  }

  @Test func numbersAndLinksLabelsAcrossChapters() throws {
    let intro = try page("01-intro.html")
    #expect(
      intro.contains(
        "<a class=\"cross-reference\" href=\"#eq-change\">Equation (1)<span class=\"reference-preview\" aria-hidden=\"true\"><span class=\"math display\">\n\\log p_X(x)"
      ))
    #expect(
      intro.contains(
        "<a class=\"cross-reference\" href=\"02-coupling.html#fig-moons\">Figure 1</a>"))
    #expect(
      intro.contains(
        "<a class=\"cross-reference\" href=\"02-coupling.html#sec-coupling\">Section 2.1</a>"))
    #expect(
      intro.contains(
        "<h2 id=\"sec-formula\"><span class=\"section-number\">1.1</span> The formula</h2>"))
    #expect(
      intro.contains(
        "<h3 id=\"an-aside\"><span class=\"section-number\">1.1.1</span> An aside</h3>"))
    #expect(intro.contains("<span class=\"equation\" id=\"eq-change\">"))
    #expect(intro.contains("<span class=\"equation-number\">(1)</span>"))
    let coupling = try page("02-coupling.html")
    #expect(coupling.contains("href=\"#eq-logdet\">Equation (2)<span class=\"reference-preview\""))
    #expect(coupling.contains("href=\"01-intro.html#eq-change\">Equation (1)<span"))
    #expect(coupling.contains("href=\"#tbl-losses\">Table 1</a>"))
    #expect(coupling.contains("href=\"01-intro.html#sec-intro\">Chapter 1</a>"))
    #expect(coupling.contains("<figure class=\"cell-figure\" id=\"fig-moons\">"))
    #expect(coupling.contains("<span class=\"caption-label\">Figure 1:</span> Two moons"))
    #expect(
      coupling.contains(
        "<figure class=\"cell-table\" id=\"tbl-losses\"><figcaption><span class=\"caption-label\">Table 1:</span> Loss per epoch"
      ))
  }

  @Test func printVersionLinksWithinItself() throws {
    let print = try page("print.html")
    #expect(print.contains("<a class=\"cross-reference\" href=\"#fig-moons\">Figure 1</a>"))
    #expect(print.contains("<a class=\"cross-reference\" href=\"#eq-change\">Equation (1)<span"))
    #expect(print.contains("<article class=\"chapter print-chapter\" id=\"chapter-2\">"))
    #expect(print.contains("<details class=\"code-fold\">"), "folded code stays folded (hidden in print)")
    #expect(!print.contains(".html#"))
  }

  @Test func cellOutputAndCaptionsAreEscaped() throws {
    for name in report.pagePaths {
      let html = try page(name)
      #expect(!html.contains("<script>alert"), "raw script in \(name)")
    }
    let coupling = try page("02-coupling.html")
    #expect(coupling.contains("shown &lt;script&gt;alert(2)&lt;/script&gt;</figcaption>"))
    #expect(coupling.contains("alt=\"Two moons, s_i shown &lt;script&gt;alert(2)&lt;/script&gt;\""))
    let intro = try page("01-intro.html")
    #expect(
      intro.contains("<pre class=\"cell-output\">&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>"))
    #expect(intro.contains("print(&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;)"))
  }

  @Test func figuresAreImagesWithPNGFallbackCopiedIntoTheReport() throws {
    let coupling = try page("02-coupling.html")
    #expect(
      coupling.contains(
        "<picture><source srcset=\"figures/02-coupling/moons.svg\" type=\"image/svg+xml\"><img src=\"figures/02-coupling/moons.png\""
      ))
    #expect(!coupling.contains("<svg"))
    #expect(
      report.files["figures/02-coupling/moons.svg"]
        == .copy(from: book.displays.path + "/moons.svg"))
    #expect(
      report.files["figures/02-coupling/moons.png"]
        == .copy(from: book.displays.path + "/moons.png"))
  }

  @Test func cellsShowFoldedCodeErrorsAndRunTime() throws {
    let coupling = try page("02-coupling.html")
    #expect(coupling.contains("<details class=\"code-fold\">\n<summary>Code</summary>"))
    #expect(coupling.contains("<div class=\"cell-error expected\">"))
    #expect(coupling.contains("Expected error at <code>chapters/02-coupling.md:21:14</code>"))
    #expect(coupling.contains("cannot convert value of type &#39;String&#39;"))
    #expect(coupling.contains(">1.50 s</p>"))
    #expect(try page("01-intro.html").contains(">12 ms</p>"))
  }

  @Test func runTimesAreNeverPrintedAndABookOptionHidesThem() throws {
    #expect(try !page("print.html").contains("cell-meta"))
    var metadata = book.metadata
    metadata.showsCellTimes = false
    let hidden = try ReportBuilder(metadata: metadata, assets: nil).build(book.chapters)
    let coupling = try #require(hidden.text("02-coupling.html"))
    #expect(!coupling.contains("cell-meta"))
    #expect(coupling.contains("<div class=\"cell-error expected\">"))
  }

  @Test func sidebarListsChaptersAndTheCurrentPagesSections() throws {
    let intro = try page("01-intro.html")
    #expect(
      intro.contains("<li class=\"current\"><a href=\"01-intro.html\" aria-current=\"page\">"))
    #expect(intro.contains("<li class=\"level-3\"><a href=\"#an-aside\">"))
    #expect(!intro.contains("href=\"#sec-coupling\""))
    #expect(intro.contains("<a class=\"previous\" rel=\"prev\" href=\"index.html\">"))
    #expect(intro.contains("<a class=\"next\" rel=\"next\" href=\"02-coupling.html\">"))
    #expect(
      try page("02-coupling.html").contains(
        "<a class=\"previous\" rel=\"prev\" href=\"01-intro.html\">"))
  }

  @Test func everyPageIsValidHTML5WithUniqueIDs() throws {
    let folder = try TemporaryDirectory()
    try ReportWriter.write(report, to: folder.path)
    let paths = report.pagePaths.map { folder.path + "/" + $0 }
    #expect(try HTML5Parser.errors(inFiles: paths) == [])
    for name in report.pagePaths {
      let ids = try page(name).matches(of: /\sid="([^"]+)"/).map { String($0.1) }
      #expect(Set(ids).count == ids.count, "duplicate id in \(name)")
    }
  }

  @Test func chapterWithoutHeadingIsTitledFromItsFileName() throws {
    let chapter = ExecutedChapter(
      chapter: Chapter(
        file: "chapters/03-training-loop.md", blocks: [.prose("Just text.", line: 1)]), results: [],
      displayDirectory: book.displays.path)
    let report = try ReportBuilder(metadata: book.metadata, assets: nil).build([chapter])
    let html = try #require(report.text("03-training-loop.html"))
    #expect(html.contains("<h1><span class=\"section-number\">1</span> Training loop</h1>"))
    #expect(html.contains("<title>Training loop – Flows &lt;by&gt; Example</title>"))
  }
}

extension ReportBuilderTests {
  @Test func markdownAndLaTeXFromCellsAreTypesetAndEscaped() throws {
    let cell = Cell(index: 0, code: "show(markdown: summary)", line: 3)
    let result = CellResult(
      status: .ok,
      outputs: [.markdown("**Loss** $\\ell_2$ <b>raw</b>"), .latex("\\frac{1}{2} < 1")])
    let chapter = ExecutedChapter(
      chapter: Chapter(file: "chapters/01-a.md", blocks: [.prose("# A", line: 1), .cell(cell)]),
      results: [result],
      displayDirectory: book.displays.path)
    let html = try #require(
      try ReportBuilder(metadata: book.metadata, assets: nil).build([chapter]).text("01-a.html"))
    #expect(
      html.contains(
        "<strong>Loss</strong> <span class=\"math inline\">\\ell_2</span> &lt;b&gt;raw&lt;/b&gt;"))
    #expect(
      html.contains(
        "<div class=\"cell-output-math\"><span class=\"math display\">\\frac{1}{2} &lt; 1</span></div>"
      ))
  }
}

extension ReportBuilderTests {
  @Test func frontMatterTitleWinsOverTheFirstHeading() throws {
    let chapter = ExecutedChapter(
      chapter: Chapter(
        file: "chapters/01-a.md", title: "From <front> matter",
        blocks: [.prose("# Heading\n\nText.", line: 3)]),
      results: [], displayDirectory: book.displays.path)
    let report = try ReportBuilder(metadata: book.metadata, assets: nil).build([chapter])
    let html = try #require(report.text("01-a.html"))
    #expect(html.contains("<title>From &lt;front&gt; matter – Flows &lt;by&gt; Example</title>"))
    #expect(html.contains("<span class=\"section-number\">1</span> From &lt;front&gt; matter</a>"))
    #expect(
      html.contains("<h1 id=\"heading\"><span class=\"section-number\">1</span> Heading</h1>"))
  }
}

extension ReportBuilderTests {
  @Test func aCellWithHiddenCodeShowsNoRunTime() throws {
    var hidden = Cell(index: 0, code: "show(markdown: evidence)", line: 3)
    hidden.options.echo = false
    let shown = Cell(index: 1, code: "print(1)", line: 7)
    let chapter = ExecutedChapter(
      chapter: Chapter(
        file: "chapters/01-a.md", blocks: [.prose("# A", line: 1), .cell(hidden), .cell(shown)]),
      results: [
        CellResult(status: .ok, outputs: [.markdown("Evidence.")], seconds: 2.5),
        CellResult(status: .ok, outputs: [.text("1\n")], seconds: 0.25),
      ],
      displayDirectory: book.displays.path)
    let html = try #require(
      try ReportBuilder(metadata: book.metadata, assets: nil).build([chapter]).text("01-a.html"))
    #expect(!html.contains(">2.50 s</p>"))
    #expect(html.contains(">0.25 s</p>"))
  }
}

extension ReportBuilderTests {
  @Test func thePrefaceOpensTheIndexPageWithMathAndReferences() throws {
    let metadata = BookMetadata(
      title: "T", preface: ("## Goals\n\nDerive $\\log p$, then read @sec-coupling.\n", "chapters/preface.md"))
    let report = try ReportBuilder(metadata: metadata, assets: nil).build(book.chapters)
    let index = try #require(report.text("index.html"))
    let preface = try #require(index.range(of: "<section class=\"preface\">"))
    #expect(index[preface.upperBound...].contains("<h2>Goals</h2>"))
    #expect(index.contains("href=\"02-coupling.html#sec-coupling\">Section 2.1</a>"))
    #expect(index.range(of: "<nav class=\"toc\"")!.lowerBound > preface.lowerBound)
    #expect(try #require(report.text("print.html")).contains("class=\"preface\"") == false)
  }

  @Test func aPrefaceReferenceToAnUnknownLabelIsAnError() throws {
    let metadata = BookMetadata(title: "T", preface: ("See @fig-nowhere.\n", "chapters/preface.md"))
    #expect(throws: WeaveError.self) {
      try ReportBuilder(metadata: metadata, assets: nil).build(book.chapters)
    }
  }
}
