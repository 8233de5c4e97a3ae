import Notebook

/// What every page of the book shares: the document head with its offline assets, the sidebar with
/// the chapter list and the current chapter's sections, and previous/next links.
struct PageLayout {
  let outline: BookOutline
  /// Whether `report.pdf` is written beside the pages (then the sidebar links to it).
  let linksPDF: Bool

  /// A complete HTML5 document.
  func document(title: String, bodyClass: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="generator" content="FlowBook">
    <title>\(title.htmlEscaped)</title>
    <link rel="stylesheet" href="\(ReportAssets.katexStylesheet)">
    <link rel="stylesheet" href="\(ReportAssets.stylesheet)">
    \(outline.math.isPrerendered ? "" : "<script defer src=\"\(ReportAssets.katexScript)\"></script>\n")<script defer src="\(ReportAssets.highlightScript)"></script>
    <script defer src="\(ReportAssets.pageScript)"></script>
    </head>
    <body class="\(bodyClass)">
    \(body)</body>
    </html>

    """
  }

  /// The book's title as text, for `<title>`.
  var bookTitle: String { outline.metadata.title }

  /// The sidebar and the main column around `main`.
  func withSidebar(current: ChapterOutline?, main: String) -> String {
    """
    <a class="skip-link" href="#content">Skip to content</a>
    <div class="layout">
    \(sidebar(current: current))<main id="content">
    \(main)</main>
    </div>

    """
  }

  private func sidebar(current: ChapterOutline?) -> String {
    let context = current.map { PageContext.chapter($0.pageName) } ?? .index
    var html = "<nav class=\"sidebar\" aria-label=\"Book\">\n"
    html +=
      "<p class=\"book-title\"><a href=\"index.html\">\(bookTitle.htmlEscaped)</a></p>\n<ol class=\"chapter-list\">\n"
    for chapter in outline.chapters {
      let isCurrent = chapter.number == current?.number
      html +=
        "<li\(isCurrent ? " class=\"current\"" : "")><a href=\"\(chapter.pageName.htmlEscaped)\""
      html += isCurrent ? " aria-current=\"page\">" : ">"
      html += "<span class=\"section-number\">\(chapter.number)</span> \(chapter.titleHTML)</a>"
      if isCurrent {
        html += sectionList(chapter, levels: 2...3, context: context, listClass: "page-sections")
      }
      html += "</li>\n"
    }
    html += "</ol>\n<p class=\"print-links\"><a href=\"print.html\">Print version</a>"
    html += linksPDF ? " · <a href=\"report.pdf\">PDF</a>" : ""
    return html + "</p>\n</nav>\n"
  }

  /// A nested list of a chapter's headings of `levels`, linked for `context`; empty when there are none.
  func sectionList(
    _ chapter: ChapterOutline, levels: ClosedRange<Int>, context: PageContext, listClass: String
  ) -> String {
    let sections = chapter.sections.filter { levels.contains($0.level) }
    guard !sections.isEmpty else { return "" }
    var html = "\n<ol class=\"\(listClass)\">\n"
    for section in sections {
      let href = context.href(toID: section.id, onPage: chapter.pageName)
      let number = section.number.map { "<span class=\"section-number\">\($0)</span> " } ?? ""
      html +=
        "<li class=\"level-\(section.level)\"><a href=\"\(href.htmlEscaped)\">\(number)\(section.titleHTML)</a></li>\n"
    }
    return html + "</ol>\n"
  }

  /// Links to the previous and next page of the book; the index comes before the first chapter.
  func pageNavigation(after current: ChapterOutline?) -> String {
    let index = current.map { $0.number } ?? 0
    var links: [String] = []
    if let current {
      let previous = current.number > 1 ? outline.chapters[current.number - 2] : nil
      let href = previous?.pageName ?? "index.html"
      let text =
        previous.map { "<span class=\"section-number\">\($0.number)</span> \($0.titleHTML)" }
        ?? "Contents"
      links.append(
        "<a class=\"previous\" rel=\"prev\" href=\"\(href.htmlEscaped)\"><span class=\"page-nav-label\">Previous</span>\(text)</a>"
      )
    }
    if index < outline.chapters.count {
      let next = outline.chapters[index]
      links.append(
        "<a class=\"next\" rel=\"next\" href=\"\(next.pageName.htmlEscaped)\"><span class=\"page-nav-label\">Next</span>"
          + "<span class=\"section-number\">\(next.number)</span> \(next.titleHTML)</a>")
    }
    guard !links.isEmpty else { return "" }
    return
      "<nav class=\"page-nav\" aria-label=\"Previous and next chapter\">\n\(links.joined(separator: "\n"))\n</nav>\n"
  }
}
