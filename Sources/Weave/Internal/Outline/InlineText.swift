/// Text from a heading or caption of a prepared piece of Markdown, with its placeholders resolved
/// for places where links cannot go: the table of contents, the sidebar, `<title>` and `alt`.
enum InlineText {
  /// `text` escaped, with math typeset by KaTeX and references shown as their text ("Figure 4").
  static func html(
    _ text: String, in prepared: PreparedMarkdown, targets: [String: CrossReferenceTarget],
    math: TypesetMath
  ) -> String {
    Placeholder.replacing(in: text.htmlEscaped) { placeholder in
      switch placeholder.kind {
      case .math: MathHTML.html(prepared.maths[placeholder.index], typeset: math)
      case .reference: referenceText(prepared.references[placeholder.index], targets).htmlEscaped
      case .citation: citationText(prepared.citations[placeholder.index]).htmlEscaped
      case .heading, .footnote: ""
      }
    }
  }

  /// `text` as plain text: math as readable text (`ReadableTeX`), references as their text.
  static func plain(
    _ text: String, in prepared: PreparedMarkdown, targets: [String: CrossReferenceTarget]
  ) -> String {
    Placeholder.replacing(in: text) { placeholder in
      switch placeholder.kind {
      case .math: ReadableTeX.text(prepared.maths[placeholder.index].tex)
      case .reference: referenceText(prepared.references[placeholder.index], targets)
      case .citation: citationText(prepared.citations[placeholder.index])
      case .heading, .footnote: ""
      }
    }
  }

  /// A citation as written, `[@a; @b]` or `@a`, where it cannot link to the reference list.
  private static func citationText(_ site: CitationSite) -> String {
    let keys = site.items.map { ($0.suppressAuthor ? "-@" : "@") + $0.key }.joined(separator: "; ")
    return site.bracketed ? "[\(keys)]" : keys
  }

  private static func referenceText(
    _ site: ReferenceSite, _ targets: [String: CrossReferenceTarget]
  ) -> String {
    targets[site.label]?.referenceText ?? "@" + site.label
  }
}
