import Foundation
import Testing
import _TestSupport

/// Memory options that are not a size, one per chapter of the suite's book (`BuiltBook`), built once.
private let badMemoryOptions = ["lots", "0GB", "-1MB", "12XB"]

/// End-to-end: a cell that allocates without bound is stopped at its memory limit. The hog allocates 1 MB at a time
/// without filling it: the limit counts what is allocated, so it is stopped all the same, without the CPU time of
/// writing 300 MB.
@Suite(
  .builtBook { book in
    for (chapter, value) in badMemoryOptions.enumerated() {
      try book.write("# A\n\n```{swift}\n//| memory: \(value)\nprint(1)\n```\n", to: "chapters/bad-\(chapter).md")
    }
  })
struct BuildCommandMemoryLimitTests {
  @Test func aMemoryHogIsStoppedAtItsLimitAndLaterCellsDoNotRun() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Hog

      ```{swift}
      print("small")
      ```

      ```{swift}
      //| memory: 300MB
      var chunks: [[UInt8]] = []
      while true { chunks.append([UInt8](unsafeUninitializedCapacity: 1 << 20) { $1 = 1 << 20 }) }
      ```

      ```{swift}
      print("never")
      ```
      """, to: "chapters/hog.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    // A failed allocation aborts without a backtrace that reaches the cell, so the cell's first line is named,
    // and the message says so.
    #expect(
      run.standardError.contains(
        "chapters/hog.md:9: error: stopped: exceeded memory limit of 300 MB in the cell starting here "
          + "(the line that allocated is not known); raise it with //| memory: <size>"),
      "\(run.standardError)")
    #expect(try BuildRecordReader(book: book.path).statuses("chapters/hog.md") == ["ok", "error", "not-run"])
    #expect(try String(contentsOfFile: book.path + "/output/hog.html", encoding: .utf8).contains("small"))
  }

  @Test(arguments: badMemoryOptions)
  func aBadMemoryOptionIsAnErrorAtItsLine(value: String) async throws {
    let (book, run) = try await BuiltBook.firstBuild()
    #expect(run.exitCode != 0)
    let chapter = try #require(badMemoryOptions.firstIndex(of: value))
    #expect(
      run.standardError.contains(
        "chapters/bad-\(chapter).md:4: error: memory must be a size such as 512MB or 4GB, not '\(value)'"),
      "\(run.standardError)")
    #expect(try BuildRecordReader(book: book).statuses("chapters/bad-\(chapter).md") == ["error"])
  }
}
