/// The second pass: the index, one page per chapter and the single-page print version.
struct BookPages {
  let outline: BookOutline
  let layout: PageLayout

  init(outline: BookOutline, linksPDF: Bool) {
    self.outline = outline
    layout = PageLayout(outline: outline, linksPDF: linksPDF)
  }

  /// Page name → HTML for every page of the book.
  func render() -> [String: String] {
    var pages = ["index.html": indexPage(), "print.html": printPage()]
    for chapter in outline.chapters {
      pages[chapter.pageName] = chapterPage(chapter)
    }
    return pages
  }

  // MARK: - Pages

  func indexPage() -> String {
    let main =
      titleBlock() + prefaceHTML() + tableOfContents(context: .index)
      + layout.pageNavigation(after: nil)
    return layout.document(
      title: layout.bookTitle, bodyClass: "index-page",
      body: layout.withSidebar(current: nil, main: main))
  }

  func chapterPage(_ chapter: ChapterOutline) -> String {
    let main =
      "<article class=\"chapter\">\n\(chapterBody(chapter, context: .chapter(chapter.pageName)))</article>\n"
      + layout.pageNavigation(after: chapter)
    return layout.document(
      title: "\(chapter.title) – \(layout.bookTitle)", bodyClass: "chapter-page",
      body: layout.withSidebar(current: chapter, main: main))
  }

  /// Every chapter on one page, each starting on a new sheet, for printing and for `report.pdf`.
  func printPage() -> String {
    var main = "<main id=\"content\">\n" + titleBlock() + tableOfContents(context: .printVersion)
    for chapter in outline.chapters {
      main += "<article class=\"chapter print-chapter\" id=\"chapter-\(chapter.number)\">\n"
      main += chapterBody(chapter, context: .printVersion) + "</article>\n"
    }
    main += CitationHTML(index: outline.citations).list(outline.citations.cited)
    main += "</main>\n"
    return layout.document(title: layout.bookTitle, bodyClass: "print-page", body: main)
  }

  // MARK: - Parts

  private func titleBlock() -> String {
    let metadata = outline.metadata
    var html =
      "<header class=\"title-block\">\n<h1 class=\"book-title\">\(metadata.title.htmlEscaped)</h1>\n"
    if !metadata.authors.isEmpty {
      html +=
        "<p class=\"authors\">\(metadata.authors.map(\.htmlEscaped).joined(separator: ", "))</p>\n"
    }
    return html + "</header>\n"
  }

  private func prefaceHTML() -> String {
    guard let preface = outline.preface else { return "" }
    let markdown = MarkdownHTML(targets: outline.targets, context: .index, math: outline.math)
    return "<section class=\"preface\">\n\(markdown.html(preface))</section>\n"
  }

  private func tableOfContents(context: PageContext) -> String {
    var html =
      "<nav class=\"toc\" aria-label=\"Contents\">\n<h2 class=\"toc-title\">Contents</h2>\n<ol class=\"toc-chapters\">\n"
    for chapter in outline.chapters {
      html += "<li><a href=\"\(context.href(toChapter: chapter).htmlEscaped)\">"
      html += "<span class=\"section-number\">\(chapter.number)</span> \(chapter.titleHTML)</a>"
      html +=
        layout.sectionList(chapter, levels: 2...2, context: context, listClass: "toc-sections")
        + "</li>\n"
    }
    return html + "</ol>\n</nav>\n"
  }

  private func chapterBody(_ chapter: ChapterOutline, context: PageContext) -> String {
    let markdown = MarkdownHTML(
      targets: outline.targets, context: context, footnotes: chapter.footnotes,
      citations: outline.citations, math: outline.math)
    let cells = CellHTML(
      markdown: markdown, showsTimes: outline.metadata.showsCellTimes && !context.isPrintVersion)
    var html = ""
    if !chapter.hasTitleHeading {
      html +=
        "<h1><span class=\"section-number\">\(chapter.number)</span> \(chapter.titleHTML)</h1>\n"
    }
    for block in chapter.blocks {
      switch block {
      case .prose(let prepared, let sections): html += markdown.html(prepared, sections: sections)
      case .cell(let cell): html += cells.html(cell)
      case .divOpen(let div): html += DivHTML(markdown: markdown).opening(div)
      case .divClose: html += DivHTML.closing
      }
    }
    html += chapter.footnotes.sectionHTML(resolve: markdown.resolve)
    // The print version lists every cited work once, at the end of the book.
    if !context.isPrintVersion {
      html += CitationHTML(index: outline.citations).list(chapter.citedKeys)
    }
    return html
  }
}
