import Foundation

/// A chapter's footnotes, numbered 1, 2, … in order of first reference, listed at the chapter's end.
struct ChapterFootnotes {
  /// One note: its label, its HTML with placeholders, and the Markdown piece they belong to.
  struct Note {
    var label: String
    var html: String
    var owner: PreparedMarkdown
  }

  var chapterNumber: Int
  private(set) var notes: [Note] = []
  private var numbers: [String: Int] = [:]

  init(chapterNumber: Int) {
    self.chapterNumber = chapterNumber
  }

  /// Numbers the notes `prepared` refers to, marking each note's first reference.
  mutating func number(in prepared: inout PreparedMarkdown) {
    for index in prepared.footnoteReferences.indices {
      let label = prepared.footnoteReferences[index].label
      guard numbers[label] == nil else { continue }
      notes.append(Note(label: label, html: prepared.footnoteNotes[label] ?? "", owner: prepared))
      numbers[label] = notes.count
      prepared.footnoteReferences[index].isFirst = true
    }
  }

  /// `<sup>` linking a reference to its note (the first reference is the note's way back).
  func referenceHTML(_ reference: FootnoteReference) -> String {
    guard let number = numbers[reference.label] else { return "" }
    let id = reference.isFirst ? " id=\"\(backID(number))\"" : ""
    return
      "<sup class=\"footnote-ref\"><a href=\"#\(noteID(number))\"\(id) role=\"doc-noteref\">\(number)</a></sup>"
  }

  /// The notes at the end of the chapter, each with a link back; empty without notes.
  func sectionHTML(resolve: (String, PreparedMarkdown) -> String) -> String {
    guard !notes.isEmpty else { return "" }
    var html = "<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"Footnotes\">\n<ol>\n"
    for (offset, note) in notes.enumerated() {
      let number = offset + 1
      var body = resolve(note.html, note.owner)
      let back =
        " <a href=\"#\(backID(number))\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"Back to the text\">↩</a>"
      if let last = body.range(of: "</p>", options: .backwards) {
        body.insert(contentsOf: back, at: last.lowerBound)
      } else {
        body += back
      }
      html += "<li id=\"\(noteID(number))\">\n\(body)</li>\n"
    }
    return html + "</ol>\n</section>\n"
  }

  private func noteID(_ number: Int) -> String { "fn-\(chapterNumber)-\(number)" }
  private func backID(_ number: Int) -> String { "fnref-\(chapterNumber)-\(number)" }
}
