/// The second pass for a piece of Markdown: placeholders become heading anchors, KaTeX elements,
/// cross-reference links and citations.
struct MarkdownHTML {
  let targets: [String: CrossReferenceTarget]
  let context: PageContext
  /// The chapter's numbered footnotes; nil for Markdown outside a chapter's prose.
  var footnotes: ChapterFootnotes?
  /// The works the book cites; empty for Markdown that cannot cite.
  var citations = CitationIndex(bibliography: Bibliography())
  /// Formulas typeset at build time; by default the browser typesets them.
  var math: TypesetMath = .inBrowser

  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let numberedHeading = /<h([1-6])>\u{E000}h(\d+)\u{E001}/
  nonisolated(unsafe) private static let altText = /\salt="([^"]*)"/

  /// The HTML of `prepared`, its headings given the ids and numbers of `sections` (none for
  /// Markdown printed by cells, whose headings stay plain).
  func html(_ prepared: PreparedMarkdown, sections: [Section] = []) -> String {
    let anchored = prepared.html.replacing(Self.numberedHeading) { match in
      guard let index = Int(match.2), index < sections.count else { return "<h\(match.1)>" }
      let section = sections[index]
      let number = section.number.map { "<span class=\"section-number\">\($0)</span> " } ?? ""
      return "<h\(match.1) id=\"\(section.id.htmlEscaped)\">\(number)"
    }
    // An image's alt text is an attribute: its math and references become plain text there.
    let plainAlts = captioningTables(in: anchored, prepared.tableCaptions).replacing(Self.altText) { match in
      let text = Placeholder.replacing(in: String(match.1)) { placeholder in
        InlineText.plain(placeholder.token, in: prepared, targets: targets).htmlEscaped
      }
      return " alt=\"\(text)\""
    }
    return resolve(plainAlts, in: prepared)
  }

  /// `html`, made from `prepared`, with its placeholders replaced.
  func resolve(_ html: String, in prepared: PreparedMarkdown) -> String {
    Placeholder.replacing(in: html) { placeholder in
      switch placeholder.kind {
      case .math:
        let formula = prepared.maths[placeholder.index]
        return MathHTML.html(
          formula, number: formula.label.flatMap { targets[$0]?.number }, typeset: math)
      case .reference:
        return link(to: prepared.references[placeholder.index].label)
      case .citation:
        return CitationHTML(index: citations).html(prepared.citations[placeholder.index]) {
          link(to: $0, bareNumber: $1)
        }
      case .footnote:
        return footnotes?.referenceHTML(prepared.footnoteReferences[placeholder.index]) ?? ""
      case .heading:
        return ""
      }
    }
  }

  /// `<a href="…">Figure 4</a>` for a label the first pass has checked; `bareNumber` gives "4".
  /// A link to an equation carries the equation, shown when the pointer rests on the link.
  func link(to label: String, bareNumber: Bool = false) -> String {
    guard let target = targets[label] else { return "@" + label.htmlEscaped }
    let href = context.href(toID: target.id, onPage: target.pageName)
    let text = bareNumber ? target.number ?? target.referenceText : target.referenceText
    var preview = ""
    if let tex = target.preview {
      let equation = MathSpan(tex: tex, display: true, location: target.location)
      preview =
        "<span class=\"reference-preview\" aria-hidden=\"true\">\(MathHTML.html(equation, typeset: math))</span>"
    }
    return
      "<a class=\"cross-reference\" href=\"\(href.htmlEscaped)\">\(text.htmlEscaped)\(preview)</a>"
  }

  /// Wraps each captioned table in a `<figure>` with its number and caption over it.
  private func captioningTables(in html: String, _ captions: [TableCaption]) -> String {
    guard !captions.isEmpty else { return html }
    var result = ""
    var rest = html[...]
    var tableIndex = 0
    while let start = rest.firstRange(of: "<table>"), let end = rest[start.upperBound...].firstRange(of: "</table>") {
      result += rest[..<start.lowerBound]
      let table = rest[start.lowerBound..<end.upperBound]
      if let caption = captions.first(where: { $0.tableIndex == tableIndex }) {
        let number = caption.label.flatMap { targets[$0]?.number }
        let id = caption.label.map { " id=\"\($0.htmlEscaped)\"" } ?? ""
        let label = number.map { "<span class=\"caption-label\">Table \($0):</span> " } ?? ""
        let text = self.html(caption.caption).unwrappingSingleParagraph
        result += "<figure class=\"prose-table\"\(id)><figcaption>\(label)\(text)</figcaption>\n"
        result += "<div class=\"table-scroll\">\(table)</div></figure>"
      } else {
        result += table
      }
      tableIndex += 1
      rest = rest[end.upperBound...]
    }
    return result + rest
  }
}
