import Foundation
import Testing
import _TestSupport

/// End-to-end: what a cell prints or shows is bounded in the page; the whole printed text is linked as a file.
@Suite struct BuildCommandOutputLimitTests {
  @Test func twoMillionLinesGiveASmallPageAndAFullOutputFile() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Loud

      ```{swift}
      print("before")
      ```

      ```{swift}
      //| timeout: 3600
      for line in 1...2_000_000 { print("line \\(line)") }
      ```

      ```{swift}
      //| output-lines: 10
      for line in 1...25 { print("short \\(line)") }
      show(Table(header: ["i"], rows: (0..<200_000).map { ["\\($0)"] }))
      ```
      """, to: "chapters/loud.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let pagePath = book.path + "/output/loud.html"
    let size = try #require(try FileManager.default.attributesOfItem(atPath: pagePath)[.size] as? Int)
    #expect(size < 1_000_000)
    let page = try String(contentsOfFile: pagePath, encoding: .utf8)
    #expect(page.contains("line 1\n"))
    #expect(page.contains("line 2000000\n"))
    #expect(!page.contains("line 1000000\n"))
    #expect(page.contains("1,999,500 lines omitted"))
    let link = try #require(page.firstMatch(of: /href="(figures\/[^"]*cell1-output\.txt)"/)?.1)
    let full = try String(contentsOfFile: book.path + "/output/" + link, encoding: .utf8)
    #expect(full.hasPrefix("line 1\nline 2\n"))
    #expect(full.hasSuffix("line 1999999\nline 2000000\n"))
    #expect(full.split(separator: "\n").count == 2_000_000)

    // `output-lines: 10` shows the first 8 and the last 2 of 25 lines.
    #expect(page.contains("short 8\n") && !page.contains("short 9\n") && page.contains("short 24\n"))
    #expect(page.contains("15 lines omitted"))
    #expect(page.contains("199,000 more rows not shown") || page.contains("199000 more rows not shown"))
    #expect(!page.contains("<td>1000</td>"))
  }
}
