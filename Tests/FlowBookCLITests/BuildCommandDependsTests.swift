import Foundation
import Testing
import _TestSupport

/// End-to-end: files declared with `depends` are part of their chapter's cache key.
@Suite struct BuildCommandDependsTests {
  @Test func editingADeclaredFileRerunsExactlyTheChapterThatReadsIt() throws {
    let book = try TemporaryDirectory()
    try book.write("1,2\n3,4\n", to: "data/points.csv")
    try book.write("{}", to: "data/a.json")
    try book.write(
      """
      # A

      ```{swift}
      //| depends: [data/points.csv, "data/*.json"]
      let text = try! String(contentsOfFile: "data/points.csv", encoding: .utf8)
      print("rows:", text.split(separator: "\\n").count)
      ```
      """, to: "chapters/a.md")
    try book.write("# B\n\n```{swift}\nprint(\"b\")\n```\n", to: "chapters/b.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)

    try book.write("1,2\n3,4\n5,6\n", to: "data/points.csv")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/a.md") == false)
    #expect(record.isCached("chapters/b.md") == true)
    #expect(try String(contentsOfFile: book.path + "/output/a.html", encoding: .utf8).contains("rows: 3"))

    // A new file matching the glob counts too; an unchanged book reruns nothing.
    try book.write("{}", to: "data/b.json")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == false)
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == true)
  }

  @Test(arguments: [
    (
      "---\ndepends: data/missing.csv\n---\n# A\n\n```{swift}\nprint(1)\n```\n", 2, "'data/missing.csv' matches no file"
    ),
    ("# A\n\n```{swift}\n//| depends: [data/*.txt]\nprint(1)\n```\n", 4, "'data/*.txt' matches no file"),
    ("# A\n\n```{swift}\n//| depends: ../secret\nprint(1)\n```\n", 4, "inside the book folder"),
  ])
  func aDeclaredFileThatIsNotThereIsAnErrorAtItsLine(chapter: String, line: Int, message: String) throws {
    let book = try TemporaryDirectory()
    try book.write(chapter, to: "chapters/a.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/a.md:\(line)"), "\(run.standardError)")
    #expect(run.standardError.contains(message), "\(run.standardError)")
  }
}
