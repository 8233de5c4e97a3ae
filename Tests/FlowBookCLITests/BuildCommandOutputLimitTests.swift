import Foundation
import Testing
import _TestSupport

/// End-to-end: what a cell prints or shows is bounded in the page; the whole printed text is linked as a file.
@Suite struct BuildCommandOutputLimitTests {
  /// 100,000 lines: the cap's code paths at a twentieth of issue 14's size, so `make test` stays quick. Uncapped,
  /// the lines alone would make a 1.1 MB page and the table of as many rows 2 MB more; capped, the page is 45 kB.
  @Test func aHundredThousandLinesGiveASmallPageAndAFullOutputFile() throws {
    try checkCappedOutput(printing: 100_000)
  }

  /// Issue 14's own case, two million lines, in the slow tier (`make test-slow`, CI).
  @Test(.enabled(if: slowTestsEnabled)) func twoMillionLinesGiveASmallPageAndAFullOutputFile() throws {
    try checkCappedOutput(printing: 2_000_000)
  }

  /// Builds a book whose cell prints `lines` lines and shows a table of `lines` rows, and checks that the page stays
  /// under 1 MB while the full output is written to a linked file.
  private func checkCappedOutput(printing lines: Int) throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Loud

      ```{swift}
      print("before")
      ```

      ```{swift}
      //| timeout: 3600
      for line in 1...\(lines) { print("line \\(line)") }
      ```

      ```{swift}
      //| output-lines: 10
      for line in 1...25 { print("short \\(line)") }
      show(Table(header: ["i"], rows: (0..<\(lines)).map { ["\\($0)"] }))
      ```
      """, to: "chapters/loud.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    // Uncapped, 100,000 lines alone would make a 1.1 MB page (2 million: 25 MB); the cap keeps it under 1 MB.
    let pagePath = book.path + "/output/loud.html"
    let size = try #require(try FileManager.default.attributesOfItem(atPath: pagePath)[.size] as? Int)
    #expect(size < 1_000_000)
    let page = try String(contentsOfFile: pagePath, encoding: .utf8)
    #expect(page.contains("line 1\n"))
    #expect(page.contains("line \(lines)\n"))
    #expect(!page.contains("line \(lines / 2)\n"))
    #expect(page.contains("\((lines - 500).formatted(.number.locale(Locale(identifier: "en_US")))) lines omitted"))
    let link = try #require(page.firstMatch(of: /href="(figures\/[^"]*cell1-output\.txt)"/)?.1)
    let full = try String(contentsOfFile: book.path + "/output/" + link, encoding: .utf8)
    #expect(full.hasPrefix("line 1\nline 2\n"))
    #expect(full.hasSuffix("line \(lines - 1)\nline \(lines)\n"))
    #expect(full.split(separator: "\n").count == lines)

    // `output-lines: 10` shows the first 8 and the last 2 of 25 lines.
    #expect(page.contains("short 8\n") && !page.contains("short 9\n") && page.contains("short 24\n"))
    #expect(page.contains("15 lines omitted"))
    let moreRows = lines - 1000
    #expect(
      page.contains("\(moreRows.formatted(.number.locale(Locale(identifier: "en_US")))) more rows not shown")
        || page.contains("\(moreRows) more rows not shown"))
    #expect(!page.contains("<td>1000</td>"))
  }
}
