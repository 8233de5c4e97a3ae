/// Adds page numbers to the table of contents of a printed page: each link of `<nav class="toc">` to `#id`
/// gets `<span class="toc-page">n</span>`, n being the page `id` was printed on.
enum ContentsPageNumbers {
  /// `html` with the page of each contents entry, or nil when it has no contents or no entry has a page.
  static func numbered(_ html: String, pages: [String: Int]) -> String? {
    guard let start = html.range(of: "<nav class=\"toc\""),
      let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
    else { return nil }
    var found = false
    let contents = html[start.lowerBound..<end.lowerBound].replacing(/<a href="#([^"]+)">(.*?)<\/a>/) { match in
      guard let page = pages[String(match.1)] else { return String(match.0) }
      found = true
      return "<a href=\"#\(match.1)\">\(match.2)<span class=\"toc-page\">\(page)</span></a>"
    }
    guard found else { return nil }
    return String(html[..<start.lowerBound]) + String(contents) + String(html[end.lowerBound...])
  }
}
