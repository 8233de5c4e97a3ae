import Notebook
import Testing
import Weave

/// Citations `[@key]`, `@key`, `[@a; @b, p. 3]` against a BibTeX bibliography, in both styles, with
/// reference lists per chapter and for the whole book; cross-reference forms `@Fig-a`, `[-@fig-a]`.
@Suite struct CitationTests {
  static let bibTeX = """
    @string{iclr = "International Conference on Learning Representations"}
    @inproceedings{dinh2017, author = {Dinh, Laurent and Sohl-Dickstein, Jascha and Bengio, Samy},
      title = {Density estimation using {Real NVP}}, booktitle = iclr, year = 2017}
    @inproceedings{kingma2018, author = {Kingma, Diederik P. and Dhariwal, Prafulla},
      title = {Glow}, booktitle = {NeurIPS}, year = 2018, doi = {10.5555/x}}
    @inproceedings{kingma2018b, author = {Kingma, Diederik P. and Dhariwal, Prafulla},
      title = {Another}, year = 2018}
    @article{tabak2010, author = {Tabak, E. G.}, title = {Dual ascent}, journal = {CMS}, year = 2010}
    """

  private func build(
    _ chapters: [(file: String, prose: String)], style: CitationStyle = .numeric,
    cells: [Cell] = []
  ) throws -> Report {
    let metadata = BookMetadata(
      title: "T", bibliography: [BibliographyFile(path: "chapters/references.bib", text: Self.bibTeX)],
      citationStyle: style)
    let executed = chapters.enumerated().map { offset, chapter in
      let chapterCells = offset == 0 ? cells : []
      return ExecutedChapter(
        chapter: Chapter(
          file: chapter.file, blocks: [.prose(chapter.prose, line: 1)] + chapterCells.map(Block.cell)),
        results: chapterCells.map { _ in CellResult(status: .ok) },
        displayDirectory: "/nonexistent")
    }
    return try ReportBuilder(metadata: metadata, assets: nil).build(executed)
  }

  @Test func numericCitationsAreNumberedInOrderOfFirstCitation() throws {
    let report = try build([
      ("chapters/01-a.md", "# A\n\nRealNVP [@kingma2018; @dinh2017, p. 3] and @dinh2017 again [see -@kingma2018]."),
      ("chapters/02-b.md", "# B\n\nOnly [@tabak2010]."),
    ])
    let first = try #require(report.text("01-a.html"))
    let citation = try #require(first.firstMatch(of: /RealNVP \[(.*?)\] and/)?.1)
    #expect(citation.contains("#ref-kingma2018\""))
    #expect(citation.hasSuffix(">2</a>, p. 3"))
    #expect(citation.contains(">1</a>; "))
    #expect(first.contains("and Dinh et al. [<a class=\"citation\" href=\"#ref-dinh2017\""))
    #expect(first.contains(">2</a>] again [see <a class=\"citation\" href=\"#ref-kingma2018\""))
    // The chapter's references: the works it cites, by number, each with its anchor.
    let references = try #require(first.firstRange(of: "<section class=\"references\" id=\"references\">"))
    let list = first[references.lowerBound...]
    #expect(list.contains("<h2>References</h2>"))
    #expect(
      list.contains(
        "<li id=\"ref-kingma2018\"><span class=\"reference-label\">[1]</span> Diederik P. Kingma and Prafulla Dhariwal (2018). Glow. In <em>NeurIPS</em>. <a href=\"https://doi.org/10.5555/x\">doi:10.5555/x</a></li>"
      ))
    #expect(
      list.contains(
        "<li id=\"ref-dinh2017\"><span class=\"reference-label\">[2]</span> Laurent Dinh, Jascha Sohl-Dickstein and Samy Bengio (2017). Density estimation using Real NVP. In <em>International Conference on Learning Representations</em>.</li>"
      ))
    #expect(!list.contains("tabak2010"))
    let second = try #require(report.text("02-b.html"))
    #expect(second.contains("Only [<a class=\"citation\" href=\"#ref-tabak2010\""))
    #expect(
      second.contains("<span class=\"reference-label\">[3]</span> E. G. Tabak (2010). Dual ascent. <em>CMS</em>."))
    // The print version: no list per chapter, one for the whole book at its end.
    let print = try #require(report.text("print.html"))
    #expect(print.ranges(of: "<section class=\"references\"").count == 1)
    let bookList = try #require(print.firstRange(of: "<section class=\"references\""))
    #expect(print[bookList.lowerBound...].ranges(of: "<li id=\"ref-").count == 3)
    #expect(print.firstRange(of: "id=\"chapter-2\"")!.lowerBound < bookList.lowerBound)
  }

  @Test func authorYearCitationsAndSameYearWorks() throws {
    let report = try build(
      [("chapters/01-a.md", "# A\n\n[@dinh2017, p. 3; @kingma2018] then @kingma2018b and [-@dinh2017].")],
      style: .authorYear)
    let html = try #require(report.text("01-a.html"))
    #expect(html.contains(">Dinh et al. 2017</a>, p. 3; <a class=\"citation\" href=\"#ref-kingma2018\""))
    #expect(html.contains(">Kingma and Dhariwal 2018a</a>) then Kingma and Dhariwal (<a"))
    #expect(html.contains(">2018b</a>) and (<a class=\"citation\" href=\"#ref-dinh2017\""))
    #expect(html.contains(">2017</a>)."))
    // Sorted by author: Dinh before Kingma (2018a before 2018b); no numbers.
    let list = try #require(html.firstRange(of: "<ol class=\"reference-list\">"))
    let order = html[list.lowerBound...].matches(of: /<li id="ref-([^"]+)">/).map { String($0.1) }
    #expect(order == ["dinh2017", "kingma2018", "kingma2018b"])
    #expect(html.contains("<li id=\"ref-kingma2018b\">Diederik P. Kingma and Prafulla Dhariwal (2018b). Another.</li>"))
  }

  @Test func unknownKeysAreErrorsAtTheirLine() {
    #expect(
      throws: WeaveError.unknownCitation("nobody2020", at: ChapterLocation(file: "chapters/01-a.md", line: 3))
    ) {
      try build([("chapters/01-a.md", "# A\n\nAs shown [@dinh2017; @nobody2020].")])
    }
    #expect(
      throws: WeaveError.unknownCitation("dinh2071", at: ChapterLocation(file: "chapters/01-a.md", line: 4))
    ) {
      try build([("chapters/01-a.md", "# A\n\nText\nby @dinh2071.")])
    }
  }

  @Test func anAtSignThatIsNoCitationStaysText() throws {
    let report = try build([
      (
        "chapters/01-a.md",
        "# A\n\nMail ada@example.com or <ada@example.com>; mark it @MainActor, see `@dinh2017` and \\@dinh2017."
      )
    ])
    let html = try #require(report.text("01-a.html"))
    #expect(html.contains("Mail <a href=\"mailto:ada@example.com\">ada@example.com</a> or"))
    #expect(html.contains("mark it @MainActor, see <code>@dinh2017</code> and @dinh2017.</p>"))
    #expect(!html.contains("class=\"citation\""))
    #expect(!html.contains("<section class=\"references\""))
  }

  @Test func crossReferencePolishCapitalsBareNumbersAndEquationTooltips() throws {
    var cell = Cell(index: 0, code: "show(figure)", line: 9)
    cell.options.label = "fig-a"
    let report = try build(
      [
        (
          "chapters/01-a.md",
          "# A\n\n$$x^2$$ {#eq-sq}\n\n@Fig-a shows it; see [-@fig-a] and [@fig-a], and @eq-sq."
        )
      ], cells: [cell])
    let html = try #require(report.text("01-a.html"))
    #expect(html.contains("<a class=\"cross-reference\" href=\"#fig-a\">Figure 1</a> shows it"))
    #expect(html.contains("see <a class=\"cross-reference\" href=\"#fig-a\">1</a> and"))
    #expect(html.contains("and <a class=\"cross-reference\" href=\"#fig-a\">Figure 1</a>, and"))
    #expect(
      html.contains(
        "<a class=\"cross-reference\" href=\"#eq-sq\">Equation (1)<span class=\"reference-preview\" aria-hidden=\"true\"><span class=\"math display\">x^2</span></span></a>."
      ))
  }

  @Test func cslYAMLEntriesCiteLikeBibTeXOnes() throws {
    let yaml = """
      references:
      - id: papamakarios2021
        type: article-journal
        author:
        - family: Papamakarios
          given: George
        - family: Nalisnick
          given: Eric
        title: Normalizing Flows for Probabilistic Modeling and Inference
        container-title: Journal of Machine Learning Research
        volume: 22
        issue: 57
        page: 1-64
        issued:
          date-parts:
          - [2021]
      - id: pytorch
        type: software
        author:
        - literal: The PyTorch Team
        title: PyTorch
        issued: 2019
        URL: https://pytorch.org
      """
    let metadata = BookMetadata(
      title: "T", bibliography: [BibliographyFile(path: "chapters/references.yaml", text: yaml)],
      citationStyle: .authorYear)
    let chapter = ExecutedChapter(
      chapter: Chapter(file: "chapters/01-a.md", blocks: [.prose("# A\n\n[@papamakarios2021; @pytorch]", line: 1)]),
      results: [], displayDirectory: "/nonexistent")
    let html = try #require(try ReportBuilder(metadata: metadata, assets: nil).build([chapter]).text("01-a.html"))
    #expect(html.contains(">Papamakarios and Nalisnick 2021</a>; <a class=\"citation\" href=\"#ref-pytorch\""))
    #expect(html.contains(">The PyTorch Team 2019</a>)"))
    #expect(
      html.contains(
        "<li id=\"ref-papamakarios2021\">George Papamakarios and Eric Nalisnick (2021). Normalizing Flows for Probabilistic Modeling and Inference. <em>Journal of Machine Learning Research</em>, 22(57), 1–64.</li>"
      ))
  }
}
