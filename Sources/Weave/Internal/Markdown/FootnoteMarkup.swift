/// A `[^label]` reference in rendered Markdown, replaced by a placeholder until the chapter's notes
/// are numbered.
struct FootnoteReference: Equatable {
  var label: String
  /// Whether this is the chapter's first reference to the note (it carries the anchor the note links back to).
  var isFirst = false
}

/// cmark-gfm's footnote HTML taken apart: references become placeholders, and the notes it renders
/// at the end of the piece are kept by label, without cmark's back links (the chapter adds its own).
enum FootnoteMarkup {
  static func split(_ html: String) -> (html: String, references: [FootnoteReference], notes: [String: String]) {
    var references: [FootnoteReference] = []
    var body = html
    var notes: [String: String] = [:]
    if let section = body.firstRange(of: "<section class=\"footnotes\" data-footnotes>") {
      let notesHTML = String(body[section.upperBound...])
      body = String(body[..<section.lowerBound])
      for match in notesHTML.matches(of: note) {
        notes[String(match.1)] = String(match.2).replacing(backLink, with: "")
      }
    }
    // Most pieces of prose have no footnote: their HTML is not searched.
    guard body.contains("footnote-ref") else { return (body, references, notes) }
    body = body.replacing(reference) { match in
      references.append(FootnoteReference(label: String(match.1)))
      return Placeholder(kind: .footnote, index: references.count - 1).token
    }
    return (body, references, notes)
  }

  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let note = /<li id="fn-([^"]*)">\n((?s).*?)<\/li>\n(?=<li id="fn-|<\/ol>)/
  nonisolated(unsafe) private static let backLink =
    /\s?<a href="#fnref-[^"]*" class="footnote-backref"[^>]*>(?:[^<]|<sup[^>]*>[^<]*<\/sup>)*<\/a>/
  nonisolated(unsafe) private static let reference =
    /<sup class="footnote-ref"><a href="#fn-([^"]*)" id="fnref-[^"]*" data-footnote-ref>\d+<\/a><\/sup>/
}
