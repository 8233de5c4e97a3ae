/// The second pass for a piece of Markdown: placeholders become heading anchors, KaTeX elements and links.
struct MarkdownHTML {
  let targets: [String: CrossReferenceTarget]
  let context: PageContext
  /// Formulas typeset at build time; by default the browser typesets them.
  var math: TypesetMath = .inBrowser

  /// The HTML of `prepared`, its headings given the ids and numbers of `sections` (none for
  /// Markdown printed by cells, whose headings stay plain).
  func html(_ prepared: PreparedMarkdown, sections: [Section] = []) -> String {
    let anchored = prepared.html.replacing(/<h([1-6])>\u{E000}h(\d+)\u{E001}/) { match in
      guard let index = Int(match.2), index < sections.count else { return "<h\(match.1)>" }
      let section = sections[index]
      let number = section.number.map { "<span class=\"section-number\">\($0)</span> " } ?? ""
      return "<h\(match.1) id=\"\(section.id.htmlEscaped)\">\(number)"
    }
    // An image's alt text is an attribute: its math and references become plain text there.
    let plainAlts = anchored.replacing(/\salt="([^"]*)"/) { match in
      let text = Placeholder.replacing(in: String(match.1)) { placeholder in
        InlineText.plain(placeholder.token, in: prepared, targets: targets).htmlEscaped
      }
      return " alt=\"\(text)\""
    }
    return Placeholder.replacing(in: plainAlts) { placeholder in
      switch placeholder.kind {
      case .math:
        let formula = prepared.maths[placeholder.index]
        return MathHTML.html(
          formula, number: formula.label.flatMap { targets[$0]?.number }, typeset: math)
      case .reference:
        return link(to: prepared.references[placeholder.index].label)
      case .heading:
        return ""
      }
    }
  }

  /// `<a href="…">Figure 4</a>` for a label the first pass has checked.
  func link(to label: String) -> String {
    guard let target = targets[label] else { return "@" + label.htmlEscaped }
    let href = context.href(toID: target.id, onPage: target.pageName)
    return
      "<a class=\"cross-reference\" href=\"\(href.htmlEscaped)\">\(target.referenceText.htmlEscaped)</a>"
  }
}
