/// The HTML of a fenced div's fences: a callout opens a styled box with its title (the content
/// that follows, prose and cells, is rendered into it); any other div is a plain `<div>` with its classes.
struct DivHTML {
  let markdown: MarkdownHTML

  /// Everything closes with one `</div>`.
  static let closing = "</div>\n"

  func opening(_ outline: DivOutline) -> String {
    let div = outline.div
    let id = div.id.map { " id=\"\($0.htmlEscaped)\"" } ?? ""
    guard let kind = div.calloutKind else {
      let classes = div.classes.map(\.htmlEscaped).joined(separator: " ")
      return "<div class=\"\(classes)\"\(id)>\n"
    }
    let title = outline.title.map { markdown.html($0).unwrappingSingleParagraph }
    var heading: String
    if let number = outline.exerciseNumber {
      heading = "<span class=\"callout-label\">Exercise \(number)</span>"
      if let title { heading += ": " + title }
    } else {
      heading = title ?? "<span class=\"callout-label\">\(kind.defaultTitle)</span>"
    }
    return
      "<div class=\"callout callout-\(kind.rawValue)\"\(id)>\n<div class=\"callout-title\">\(heading)</div>\n"
  }
}
