/// A piece of Markdown rendered once by cmark-gfm, with math, cross-references, citations and heading
/// anchors left as placeholders until every label of the book is numbered.
struct PreparedMarkdown: Equatable {
  var html: String
  var maths: [MathSpan]
  var references: [ReferenceSite]
  var citations: [CitationSite]
  var headings: [HeadingSource]
  /// Captions written beside the Markdown's tables (`: Caption {#tbl-…}`).
  var tableCaptions: [TableCaption]
  /// `[^label]` references, in order (placeholders in `html`).
  var footnoteReferences: [FootnoteReference] = []
  /// The notes those references lead to, as HTML with placeholders, by label.
  var footnoteNotes: [String: String] = [:]
  /// The Markdown as cmark-gfm saw it, placeholders in place of math and references.
  var scannedMarkdown: String

  /// Scans and renders `markdown`, whose first line is `location`; `footnotes` (the chapter's
  /// `[^label]: …` definitions) is appended when the Markdown refers to a note.
  init(
    _ markdown: String, at location: ChapterLocation, rawHTML: MarkdownRenderer.RawHTML,
    footnotes: String = ""
  ) throws(WeaveError) {
    let withNotes = footnotes.isEmpty || !markdown.contains("[^") ? markdown : markdown + "\n\n" + footnotes
    let captioned = try TableCaption.extract(from: withNotes, at: location)
    let scanned = try MathAndReferenceScanner.scan(
      captioned.markdown, file: location.file, firstLine: location.line)
    let rendered = MarkdownRenderer.render(
      scanned.markdown, firstLine: location.line, rawHTML: rawHTML)
    let notes = FootnoteMarkup.split(rendered.html)
    html = notes.html
    footnoteReferences = notes.references
    footnoteNotes = notes.notes
    maths = scanned.maths
    references = scanned.references
    citations = scanned.citations
    headings = rendered.headings
    tableCaptions = captioned.captions
    scannedMarkdown = scanned.markdown
  }

  /// The Markdown as plain text with placeholders, for `alt` text (see `InlineText.plain`).
  var plainText: String { MarkdownRenderer.plainText(scannedMarkdown) }

  /// Labelled display equations, in order.
  var labelledEquations: [MathSpan] { maths.filter { $0.label != nil } }
}
