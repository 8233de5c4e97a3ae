import Foundation
import Testing
import _TestSupport

/// End-to-end: what a cell prints or shows is bounded in the page; the whole printed text is linked as a file.
@Suite struct BuildCommandOutputLimitTests {
  @Test func twoHundredThousandLinesGiveASmallPageAndAFullOutputFile() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Loud

      ```{swift}
      print("before")
      ```

      ```{swift}
      //| timeout: 3600
      for line in 1...200_000 { print("line \\(line)") }
      ```

      ```{swift}
      //| output-lines: 10
      for line in 1...25 { print("short \\(line)") }
      show(Table(header: ["i"], rows: (0..<200_000).map { ["\\($0)"] }))
      ```
      """, to: "chapters/loud.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    // Uncapped, the 200,000 lines would make a 2.4 MB page; the cap keeps it under 1 MB. (Issue 14's cell printed
    // 2,000,000 lines, ten times the work for the same code paths.)
    let pagePath = book.path + "/output/loud.html"
    let size = try #require(try FileManager.default.attributesOfItem(atPath: pagePath)[.size] as? Int)
    #expect(size < 1_000_000)
    let page = try String(contentsOfFile: pagePath, encoding: .utf8)
    #expect(page.contains("line 1\n"))
    #expect(page.contains("line 200000\n"))
    #expect(!page.contains("line 100000\n"))
    #expect(page.contains("199,500 lines omitted"))
    let link = try #require(page.firstMatch(of: /href="(figures\/[^"]*cell1-output\.txt)"/)?.1)
    let full = try String(contentsOfFile: book.path + "/output/" + link, encoding: .utf8)
    #expect(full.hasPrefix("line 1\nline 2\n"))
    #expect(full.hasSuffix("line 199999\nline 200000\n"))
    #expect(full.split(separator: "\n").count == 200_000)

    // `output-lines: 10` shows the first 8 and the last 2 of 25 lines.
    #expect(page.contains("short 8\n") && !page.contains("short 9\n") && page.contains("short 24\n"))
    #expect(page.contains("15 lines omitted"))
    #expect(page.contains("199,000 more rows not shown") || page.contains("199000 more rows not shown"))
    #expect(!page.contains("<td>1000</td>"))
  }
}
