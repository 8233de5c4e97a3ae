/// The HTML of citations in the text and of reference lists, in the book's citation style.
struct CitationHTML {
  let index: CitationIndex

  // MARK: - Citations

  /// A citation as the text shows it: `[3, p. 3; 5]` or `(Dinh et al. 2017, p. 3)` in brackets,
  /// `Dinh et al. [3]` or `Dinh et al. (2017)` in running text; cross-references inside brackets
  /// are linked by `reference` (which gets the label and whether only the number is wanted).
  func html(_ site: CitationSite, reference: (String, Bool) -> String) -> String {
    guard site.bracketed else {
      var item = site.items[0]
      guard let entry = index.entry(item.key) else { return "@" + item.key.htmlEscaped }
      item.suppressAuthor = true
      return entry.shortAuthors.htmlEscaped + " " + group([item], reference: reference)
    }
    if site.items.allSatisfy({ index.entry($0.key) == nil }) {
      return site.items.map { item in
        affixed(item, core: reference(item.key, item.suppressAuthor))
      }.joined(separator: "; ")
    }
    return group(site.items, reference: reference)
  }

  private func group(_ items: [CitationItem], reference: (String, Bool) -> String) -> String {
    let numeric = index.bibliography.style == .numeric
    let parts = items.map { item -> String in
      guard let entry = index.entry(item.key) else {
        return affixed(item, core: reference(item.key, item.suppressAuthor))
      }
      let text = numeric ? "\(index.number(of: item.key))" : label(entry, item)
      return affixed(item, core: link(item.key, text: text))
    }
    let plain = items.allSatisfy { $0.prefix.isEmpty && $0.locator.isEmpty }
    let body = parts.joined(separator: numeric && plain ? ", " : "; ")
    return numeric ? "[\(body)]" : "(\(body))"
  }

  private func label(_ entry: BibliographyEntry, _ item: CitationItem) -> String {
    let year = index.year(of: entry.key)
    return item.suppressAuthor ? year : "\(entry.shortAuthors) \(year)"
  }

  private func affixed(_ item: CitationItem, core: String) -> String {
    let prefix = item.prefix.isEmpty ? "" : item.prefix.htmlEscaped + " "
    let locator = item.locator.isEmpty ? "" : ", " + item.locator.htmlEscaped
    return prefix + core + locator
  }

  private func link(_ key: String, text: String) -> String {
    let title = index.entry(key).map { ReferenceText.plain($0, year: index.year(of: key)) } ?? ""
    return
      "<a class=\"citation\" href=\"#ref-\(key.htmlEscaped)\" title=\"\(title.htmlEscaped)\">\(text.htmlEscaped)</a>"
  }

  // MARK: - Reference lists

  /// `<section class="references">` listing `keys` (cited works) in the style's order; empty for none.
  func list(_ keys: [String], heading: String = "References") -> String {
    guard !keys.isEmpty else { return "" }
    let numeric = index.bibliography.style == .numeric
    var html = "<section class=\"references\" id=\"references\">\n<h2>\(heading)</h2>\n"
    html += "<ol class=\"reference-list\(numeric ? " numeric" : "")\">\n"
    for key in index.sorted(keys) {
      guard let entry = index.entry(key) else { continue }
      let label = numeric ? "<span class=\"reference-label\">[\(index.number(of: key))]</span> " : ""
      html += "<li id=\"ref-\(key.htmlEscaped)\">\(label)\(ReferenceText.html(entry, year: index.year(of: key)))</li>\n"
    }
    return html + "</ol>\n</section>\n"
  }
}
