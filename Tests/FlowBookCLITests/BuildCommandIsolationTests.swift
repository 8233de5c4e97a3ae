import Foundation
import Testing
import _TestSupport

/// A failing cell stops as little as it can: an `error: true` cell may declare types, extensions and
/// functions at file scope, and a cell stopped by its timeout stops only itself (the later cells run in a
/// fresh program that replays the earlier cells' code). End to end through `flowbook build`.
@Suite struct BuildCommandIsolationTests {
  @Test func anExpectedErrorCellHoldsFileScopeDeclarations() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Expected

      ```{swift}
      var count = 1
      ```

      ```{swift}
      //| error: true
      import Foundation
      struct Positive {
        let value: Int
        init(_ value: Int) {
          precondition(value > 0, "not positive: \\(value)")
          self.value = value
        }
      }
      extension Positive: CustomStringConvertible {
        var description: String { "+\\(value)" }
      }
      protocol Named { var name: String { get } }
      func twice(_ x: Int) -> Int { x * 2 }
      let limit = 3
      func overLimit(_ x: Int) -> Bool { x > limit }
      count = 50
      print(Positive(twice(2)), overLimit(count), sqrt(16.0))
      print(Positive(-1))
      ```

      ```{swift}
      print("count is", count, Positive(7))
      ```
      """, to: "chapters/a.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(try BuildRecordReader(book: book.path).statuses("chapters/a.md") == ["ok", "error", "ok"])
    let html = try String(contentsOfFile: book.path + "/output/a.html", encoding: .utf8)
    #expect(html.contains("+4 true 4.0"))
    // The trap names the line inside the declaration that trapped, in the cell's chapter lines.
    #expect(html.contains("chapters/a.md:13"), "the precondition's line")
    #expect(html.contains("not positive: -1"))
    // The failed cell's assignment happened in its forked copy only; its type is declared for later cells.
    #expect(html.contains("count is 1 +7"))
  }

  @Test func aTimeoutStopsOnlyItsCellAndLaterCellsRunInAFreshProgram() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Slow

      ```{swift}
      let base = 40
      print("first cell ran")
      ```

      ```{swift}
      //| timeout: 0.5
      print("waiting")
      while true { sleep(1) }
      ```

      ```{swift}
      print("after:", base + 2)
      ```

      ```{swift}
      //| timeout: 0.5
      let stuck = 1
      while true { sleep(1) }
      ```

      ```{swift}
      print(stuck)
      ```
      """, to: "chapters/slow.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/slow.md:10: error: stopped after the cell's timeout of 0.5 s"))
    #expect(run.standardError.contains("chapters/slow.md:20: error: stopped after the cell's timeout of 0.5 s"))
    let record = try BuildRecordReader(book: book.path)
    #expect(record.statuses("chapters/slow.md") == ["ok", "error", "ok", "error", "not-run"])
    let cells = record.chapter("chapters/slow.md")?["cells"] as? [[String: Any]] ?? []
    let reason = cells.last?["notRunReason"] as? String ?? ""
    #expect(reason.contains("chapters/slow.md:20 was stopped by its timeout, and this cell uses what it defines"))
    let html = try String(contentsOfFile: book.path + "/output/slow.html", encoding: .utf8)
    #expect(html.contains("after: 42"))
    // The replayed first cell's output is shown once, from the first run.
    #expect(html.components(separatedBy: "\"cell-output\">first cell ran\n").count == 2, "\(html)")
    #expect(html.contains("waiting"))
  }
}
