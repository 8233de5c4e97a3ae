import Testing

@testable import Weave

@Suite struct MarkdownRendererTests {
  @Test func headingAttributesBecomeLabelsAndLeaveTheText() {
    let rendered = MarkdownRenderer.render(
      "Intro\n\n## Affine coupling {#sec-affine}\n\n### Notes {.unnumbered}\n\n## Plain",
      firstLine: 20, rawHTML: .keep)
    #expect(
      rendered.headings == [
        HeadingSource(
          level: 2, line: 22, text: "Affine coupling", label: "sec-affine", unnumbered: false),
        HeadingSource(level: 3, line: 24, text: "Notes", label: nil, unnumbered: true),
        HeadingSource(level: 2, line: 26, text: "Plain", label: nil, unnumbered: false),
      ])
    #expect(!rendered.html.contains("{#sec-affine}"))
    #expect(
      rendered.html.contains(
        "<h2>" + Placeholder(kind: .heading, index: 0).token + "Affine coupling</h2>"))
  }

  @Test func rawHTMLIsKeptInProseAndShownAsTextInData() {
    let markdown = "A <b>bold</b> word.\n\n<script>alert(1)</script>\n"
    let prose = MarkdownRenderer.render(markdown, rawHTML: .keep).html
    #expect(prose.contains("<b>bold</b>"))
    #expect(prose.contains("<script>alert(1)</script>"))
    let data = MarkdownRenderer.render(markdown, rawHTML: .escape).html
    #expect(data.contains("&lt;b&gt;bold&lt;/b&gt;"))
    #expect(data.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
    #expect(!data.contains("<script>") && !data.contains("<b>"))
  }

  @Test func gitHubTablesAndPlainText() {
    let html = MarkdownRenderer.render("| a | b |\n|---|---|\n| 1 | 2 |", rawHTML: .keep).html
    #expect(html.contains("<table>") && html.contains("<td>2</td>"))
    #expect(
      MarkdownRenderer.plainText("Two *moons*, `code`\nand [a link](x.html)")
        == "Two moons, code and a link")
  }
}
