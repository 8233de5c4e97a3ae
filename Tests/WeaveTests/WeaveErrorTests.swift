import Notebook
import Testing
import Weave
import _TestSupport

/// Book mistakes stop the build with the chapter line to fix.
@Suite struct WeaveErrorTests {
  private func build(_ chapters: [ExecutedChapter]) throws {
    _ = try ReportBuilder(metadata: BookMetadata(title: "T"), assets: nil).build(chapters)
  }

  private func chapter(
    _ file: String, _ prose: String, cells: [Cell] = [], results: [CellResult] = []
  ) -> ExecutedChapter {
    ExecutedChapter(
      chapter: Chapter(file: file, blocks: [.prose(prose, line: 1)] + cells.map(Block.cell)),
      results: results,
      displayDirectory: "/nonexistent")
  }

  @Test func danglingReferenceNamesFileAndLine() {
    let book = [chapter("chapters/01-a.md", "# A\n\nText.\n\nAs @fig-missing shows.")]
    #expect(
      throws: WeaveError.undefinedReference(
        "fig-missing", at: ChapterLocation(file: "chapters/01-a.md", line: 5))
    ) {
      try build(book)
    }
    let message = WeaveError.undefinedReference(
      "fig-missing", at: ChapterLocation(file: "chapters/01-a.md", line: 5)
    )
    .description
    #expect(message.hasPrefix("chapters/01-a.md:5: error: @fig-missing"))
  }

  @Test func danglingReferenceInACaptionIsFound() {
    var cell = Cell(index: 0, code: "", line: 4)
    cell.options.figureCaption = "Compare @fig-other."
    let book = [
      chapter("chapters/01-a.md", "# A", cells: [cell], results: [CellResult(status: .ok)])
    ]
    #expect(
      throws: WeaveError.undefinedReference(
        "fig-other", at: ChapterLocation(file: "chapters/01-a.md", line: 4))
    ) {
      try build(book)
    }
  }

  @Test func duplicateLabelAcrossChaptersNamesBothPlaces() {
    var cell = Cell(index: 0, code: "", line: 6)
    cell.options.label = "fig-x"
    let book = [
      chapter("chapters/01-a.md", "# A\n\n## Part {#fig-x}"),
      chapter("chapters/02-b.md", "# B", cells: [cell], results: [CellResult(status: .ok)]),
    ]
    #expect(
      throws: WeaveError.misplacedLabel(
        "fig-x", expectedPrefix: "sec-", at: ChapterLocation(file: "chapters/01-a.md", line: 3))
    ) {
      try build(book)
    }
    let twice = [
      chapter("chapters/01-a.md", "# A\n\n$$x$$ {#eq-x}"),
      chapter("chapters/02-b.md", "# B\n\n$$y$$ {#eq-x}"),
    ]
    #expect(
      throws: WeaveError.duplicateLabel(
        "eq-x", at: ChapterLocation(file: "chapters/02-b.md", line: 3),
        firstDefinedAt: ChapterLocation(file: "chapters/01-a.md", line: 3))
    ) { try build(twice) }
  }

  @Test func missingFigureFileIsNamed() {
    let book = [
      chapter(
        "chapters/01-a.md", "# A", cells: [Cell(index: 0, code: "", line: 3)],
        results: [CellResult(status: .ok, outputs: [.figure("f.svg")])])
    ]
    #expect(
      throws: WeaveError.missingFigure(
        "f.svg", at: ChapterLocation(file: "chapters/01-a.md", line: 3))
    ) {
      try build(book)
    }
  }

  @Test func labelledFigureOfAFailedCellStaysReferable() throws {
    var cell = Cell(index: 0, code: "", line: 3)
    cell.options.label = "fig-late"
    let book = [
      chapter(
        "chapters/01-a.md", "# A\n\nSee @fig-late.", cells: [cell],
        results: [
          CellResult(
            status: .error, error: CellError(message: "boom", file: "chapters/01-a.md", line: 3))
        ])
    ]
    let report = try ReportBuilder(metadata: BookMetadata(title: "T"), assets: nil).build(book)
    let html = try #require(report.text("01-a.html"))
    #expect(html.contains("<figure class=\"cell-figure output-missing\" id=\"fig-late\">"))
    #expect(html.contains("href=\"#fig-late\">Figure 1</a>"))
  }
}
