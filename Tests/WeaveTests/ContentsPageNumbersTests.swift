import Foundation
import Testing

@testable import Weave

/// The printed contents' page numbers: read from a PDF's named destinations, written into the contents.
@Suite struct ContentsPageNumbersTests {
  @Test func eachContentsLinkGetsThePageOfItsTarget() throws {
    let html = """
      <a href="#sec-a">A</a><nav class="toc"><ol><li><a href="#chapter-1">1 One</a></li>\
      <li><a href="#sec-b">1.1 B</a></li><li><a href="#missing">2 Two</a></li></ol></nav><a href="#sec-b">B</a>
      """
    let numbered = try #require(ContentsPageNumbers.numbered(html, pages: ["chapter-1": 3, "sec-b": 4, "sec-a": 9]))
    #expect(numbered.contains("<a href=\"#chapter-1\">1 One<span class=\"toc-page\">3</span></a>"))
    #expect(numbered.contains("<a href=\"#sec-b\">1.1 B<span class=\"toc-page\">4</span></a>"))
    #expect(numbered.contains("<a href=\"#missing\">2 Two</a>"), "an entry without a page stays as it was")
    #expect(numbered.hasPrefix("<a href=\"#sec-a\">A</a>"), "links outside the contents are left alone")
    #expect(numbered.hasSuffix("</nav><a href=\"#sec-b\">B</a>"))
  }

  @Test func aPageWithoutContentsOrPagesIsLeftAlone() {
    #expect(ContentsPageNumbers.numbered("<p>no contents</p>", pages: ["a": 1]) == nil)
    #expect(ContentsPageNumbers.numbered("<nav class=\"toc\"><a href=\"#a\">A</a></nav>", pages: [:]) == nil)
  }

  @Test func destinationsAreReadInPageTreeOrder() {
    // A minimal PDF the way Chromium writes it: a nested page tree and a /Dests dictionary.
    let pdf = """
      %PDF-1.4
      1 0 obj
      <</Type /Catalog
      /Pages 2 0 R
      /Dests 7 0 R>>
      endobj
      2 0 obj
      <</Type /Pages
      /Count 3
      /Kids [6 0 R 3 0 R]>>
      endobj
      3 0 obj
      <</Type /Pages
      /Kids [5 0 R 4 0 R]>>
      endobj
      4 0 obj
      <</Type /Page>>
      endobj
      5 0 obj
      <</Type /Page>>
      endobj
      6 0 obj
      <</Type /Page>>
      endobj
      7 0 obj
      <</chapter-1 [6 0 R /XYZ 0 832.2 0]
      /sec-two [4 0 R /XYZ 0 500 0]
      /fig-x [5 0 R /XYZ 0 10 0]>>
      endobj
      """
    let pages = PDFDestinations(Data(pdf.utf8)).pages
    #expect(pages == ["chapter-1": 1, "fig-x": 2, "sec-two": 3])
    #expect(PDFDestinations(Data("not a pdf".utf8)).pages.isEmpty)
  }
}
