import Foundation
import Testing
import _TestSupport

/// End-to-end: `flowbook build chapters/x.md` and `--only` run one chapter; the others come from the cache
/// or are marked not built.
@Suite struct BuildCommandOnlyTests {
  @Test func oneChapterIsBuiltAndTheOthersAreCachedOrMarkedNotBuilt() throws {
    let book = try TemporaryDirectory()
    try book.write("# A\n\n```{swift}\nprint(\"a one\")\n```\n", to: "chapters/01-a.md")
    try book.write("# B\n\n```{swift}\nprint(\"b one\")\n```\n", to: "chapters/02-b.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path, "--only", "01"]).exitCode == 0)
    var record = try BuildRecordReader(book: book.path)
    #expect(record.statuses("chapters/01-a.md") == ["ok"])
    #expect(record.statuses("chapters/02-b.md") == ["not-run"])
    let page = try String(contentsOfFile: book.path + "/output/02-b.html", encoding: .utf8)
    #expect(page.contains("this chapter was not built"))
    #expect(!page.contains("b one\n</pre>"))

    // Both edited; building only B reruns B, and A's cached results are of its old code: not shown, not built.
    try book.write("# A\n\n```{swift}\nprint(\"a two\")\n```\n", to: "chapters/01-a.md")
    try book.write("# B\n\n```{swift}\nprint(\"b two\")\n```\n", to: "chapters/02-b.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path, "chapters/02-b.md"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("1 not built"))
    record = try BuildRecordReader(book: book.path)
    #expect(record.statuses("chapters/02-b.md") == ["ok"])
    #expect(record.statuses("chapters/01-a.md") == ["not-run"])
    #expect(!(try String(contentsOfFile: book.path + "/output/01-a.html", encoding: .utf8)).contains("a one"))

    // Undoing A's edit finds its results in the cache.
    try book.write("# A\n\n```{swift}\nprint(\"a one\")\n```\n", to: "chapters/01-a.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path, "--only", "02"]).exitCode == 0)
    record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/01-a.md") == true)
    #expect(record.statuses("chapters/01-a.md") == ["ok"])

    let unknown = try FlowBookBinary.run(["build", "--book", book.path, "--only", "09"])
    #expect(unknown.exitCode != 0)
    #expect(unknown.standardError.contains("--only 09: no chapter file name starts with '09'"))
  }
}
