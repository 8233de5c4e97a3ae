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
  /// The Markdown as cmark-gfm saw it, placeholders in place of math and references.
  var scannedMarkdown: String

  /// Scans and renders `markdown`, whose first line is `location`.
  init(_ markdown: String, at location: ChapterLocation, rawHTML: MarkdownRenderer.RawHTML)
    throws(WeaveError)
  {
    let captioned = try TableCaption.extract(from: markdown, at: location)
    let scanned = try MathAndReferenceScanner.scan(
      captioned.markdown, file: location.file, firstLine: location.line)
    let rendered = MarkdownRenderer.render(
      scanned.markdown, firstLine: location.line, rawHTML: rawHTML)
    html = rendered.html
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
