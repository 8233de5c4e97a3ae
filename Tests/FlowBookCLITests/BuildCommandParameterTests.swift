import Foundation
import Testing
import _TestSupport

/// End-to-end: a `-P` parameter reruns only the chapters that read it; one no chapter reads is a warning.
@Suite struct BuildCommandParameterTests {
  @Test func aParameterRerunsOnlyTheChapterThatReadsIt() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# A\n\n```{swift}\nprint(\"steps\", Build.parameter(\"steps\", default: 10))\n```\n", to: "chapters/a.md")
    try book.write("# B\n\n```{swift}\nprint(\"b\")\n```\n", to: "chapters/b.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path, "-P", "steps=1"]).exitCode == 0)

    let changed = try FlowBookBinary.run(["build", "--book", book.path, "-P", "steps=2"])
    #expect(changed.exitCode == 0, "\(changed.standardError)")
    var record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/a.md") == false)
    #expect(record.isCached("chapters/b.md") == true)
    #expect(try String(contentsOfFile: book.path + "/output/a.html", encoding: .utf8).contains("steps 2"))
    #expect(!changed.standardError.contains("warning"))

    let unread = try FlowBookBinary.run(["build", "--book", book.path, "-P", "steps=2", "-P", "stpes=3"])
    #expect(unread.exitCode == 0)
    record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/a.md") == true)
    #expect(record.isCached("chapters/b.md") == true)
    #expect(
      unread.standardError.contains("warning: -P stpes=3: no chapter reads the parameter 'stpes'"),
      "\(unread.standardError)")
    #expect(!unread.standardError.contains("'steps'"))

    // Back to the first value: its results are still in the cache.
    #expect(try FlowBookBinary.run(["build", "--book", book.path, "-P", "steps=1"]).exitCode == 0)
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == true)

    // Left out by --only, chapter a may read it: the warning does not call the name misspelt.
    let partial = try FlowBookBinary.run(["build", "--book", book.path, "--only", "b", "-P", "steps=9"])
    #expect(partial.exitCode == 0)
    #expect(
      partial.standardError.contains("-P steps=9: no chapter this build ran reads (1 not built) the parameter 'steps'"),
      "\(partial.standardError)")
  }
}
