import Foundation
import Notebook

/// Weaves executed chapters into the report, in memory: `index.html` (title, authors, contents), one
/// page per chapter, `print.html` (the whole book on one page, for printing and PDF), figures and assets.
///
/// Two passes over the book: the first renders each chapter's Markdown once with math and
/// cross-references set aside and numbers every label (so a reference may point forward or into
/// another chapter); the second writes the pages. A dangling or duplicate label is a `WeaveError`
/// naming the chapter line.
public struct ReportBuilder: Sendable {
  /// Title and authors for the index page and every `<title>`.
  public var metadata: BookMetadata
  /// Where KaTeX and highlight.js are copied from; nil leaves them out (pages only, for tests).
  public var assets: ReportAssets?
  /// Whether the pages link to `report.pdf` (set when the PDF is exported too).
  public var linksPDF: Bool
  /// Typesets the math at build time (a KaTeX error then stops the build at its line); nil leaves it to
  /// KaTeX in the reader's browser.
  public var mathRenderer: KaTeXRenderer?

  /// A builder for the book described by `metadata`.
  public init(
    metadata: BookMetadata, assets: ReportAssets? = ReportAssets(), linksPDF: Bool = false,
    mathRenderer: KaTeXRenderer? = nil
  ) {
    self.metadata = metadata
    self.assets = assets
    self.linksPDF = linksPDF
    self.mathRenderer = mathRenderer
  }

  /// Every file of the report for `chapters`, in book order.
  public func build(_ chapters: [ExecutedChapter]) throws(WeaveError) -> Report {
    let outline = try BookOutline(chapters: chapters, metadata: metadata, renderer: mathRenderer)
    var files = try assets?.files() ?? [:]
    for (path, source) in outline.figureCopies {
      files[path] = .copy(from: source)
    }
    for (path, html) in BookPages(outline: outline, linksPDF: linksPDF).render() {
      files[path] = .data(Data(html.utf8))
    }
    return Report(files: files)
  }
}
