import Foundation
import Testing
import _TestSupport

/// End-to-end: a runtime trap names the chapter line that trapped, in the terminal, the page and build.json.
@Suite struct BuildCommandTrapLineTests {
  /// One chapter per trap: the trapping statement is on chapter line 8.
  struct Trap: CustomTestStringConvertible, Sendable {
    var name: String
    var statement: String
    var message: String
    var testDescription: String { name }
  }

  static let traps = [
    Trap(name: "index", statement: "print(xs[count])", message: "Fatal error: Index out of range"),
    Trap(name: "nil", statement: "print(missing!)", message: "Unexpectedly found nil"),
    Trap(name: "fatal", statement: "if count > 0 { fatalError(\"gave up\") }", message: "Fatal error: gave up"),
    Trap(name: "overflow", statement: "print(Int.max - 1 + count)", message: "arithmetic overflow"),
    Trap(name: "division", statement: "print(count / (count - 3))", message: "Division by zero"),
    Trap(
      name: "library", statement: "print(Tensor.concatenate([], alongAxis: 0))",
      message: "concatenate: needs at least one tensor (in Tensor.concatenate"),
  ]

  @Test func everyTrapKindNamesItsLine() throws {
    let book = try TemporaryDirectory()
    for trap in Self.traps {
      try book.write(
        """
        # \(trap.name)

        ```{swift}
        import Autodiff
        let xs = [1, 2, 3]
        let missing: Int? = nil
          let count = xs.count
          \(trap.statement)
        print("after")
        ```

        ```{swift}
        print("later")
        ```
        """, to: "chapters/\(trap.name).md")
    }
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    let page = try String(contentsOfFile: book.path + "/output/print.html", encoding: .utf8)
    let record = try BuildRecordReader(book: book.path)
    for trap in Self.traps {
      let file = "chapters/\(trap.name).md"
      let located = try #require(
        run.standardError.firstMatch(of: try Regex("\(file):(\\d+)(:\\d+)?: error: ([^\\n]*)")),
        "\(trap.name): \(run.standardError)")
      #expect(located.output[1].substring == "8", "\(trap.name): \(run.standardError)")
      #expect(located.output[3].substring?.contains(trap.message) == true, "\(trap.name): \(run.standardError)")
      #expect(page.contains("\(file):8"), "\(trap.name)")
      let cells = try #require(record.chapter(file)?["cells"] as? [[String: Any]])
      #expect((cells[0]["error"] as? String)?.hasPrefix("\(file):8") == true, "\(trap.name): \(cells[0])")
      #expect(record.statuses(file) == ["error", "not-run"])
    }
  }

  @Test func aTrapInTheSharedSourceNamesItsLineAndTheCallingCell() throws {
    let book = try TemporaryDirectory()
    try book.write("shared: common.swift\n", to: "chapters/book.yml")
    try book.write(
      "func first(of values: [Int]) -> Int {\n  let head = values.first\n  return head!\n}\n",
      to: "chapters/common.swift")
    try book.write("# A\n\n```{swift}\nprint(\"start\")\nprint(first(of: []))\n```\n", to: "chapters/a.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/common.swift:3:"), "\(run.standardError)")
    #expect(run.standardError.contains("Unexpectedly found nil"))
    #expect(run.standardError.contains("  return head!"))
    #expect(run.standardError.contains("chapters/a.md:5:"), "\(run.standardError)")
    #expect(run.standardError.contains("print(first(of: []))"))
    #expect(!run.standardError.contains("chapter/common.swift"))
  }

  @Test func aTrapInACellExpectedToFailNamesItsLine() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# A\n\n```{swift}\n//| error: true\nlet xs = [1]\nprint(xs[5])\n```\n\n```{swift}\nprint(\"next\")\n```\n",
      to: "chapters/a.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let record = try BuildRecordReader(book: book.path)
    #expect(record.statuses("chapters/a.md") == ["error", "ok"])
    let cells = try #require(record.chapter("chapters/a.md")?["cells"] as? [[String: Any]])
    #expect((cells[0]["error"] as? String)?.hasPrefix("chapters/a.md:6:") == true, "\(cells[0])")
  }
}
