import Foundation
import Testing
import _TestSupport

/// Writes a book whose shared source is `shared`: chapter a prints `greeting()`, b the shared folder.
private func writeSharedSourceBook(_ book: TemporaryDirectory, shared: String) throws {
  try book.write("shared: common.swift\n", to: "chapters/book.yml")
  try book.write(shared, to: "chapters/common.swift")
  try book.write("# A\n\nFirst words.\n\n```{swift}\nprint(greeting())\n```\n", to: "chapters/a.md")
  try book.write("# B\n\n```{swift}\nprint(Build.sharedDirectory)\n```\n", to: "chapters/b.md")
}

/// Chapter a of the built book: `prose`, a cell printing `greeting()`, and an exported `shout` that chapter b uses,
/// so b's program has three files (its cells, the shared file, a's exports), which the compiler handles apart.
private func builtChapterA(_ prose: String) -> String {
  "# A\n\n\(prose)\n\n```{swift}\nprint(greeting())\n```\n\n"
    + "```{swift}\n//| export: true\nfunc shout(_ text: String) -> String { text.uppercased() }\n```\n"
}

/// End-to-end: a book's shared Swift source (`shared:` in book.yml) and the build's shared folder. The tests that
/// start from the book with `greeting` each take a copy of it built once (`BuiltBook`).
@Suite(
  .builtBook {
    try writeSharedSourceBook($0, shared: "func greeting() -> String { \"hello from the shared file\" }\n")
    try $0.write(builtChapterA("First words."), to: "chapters/a.md")
    try $0.write(
      "# B\n\n```{swift}\nprint(shout(\"b uses the export of a\"))\nprint(Build.sharedDirectory)\n```\n",
      to: "chapters/b.md")
  }
)
struct BuildCommandSharedSourceTests {
  private func makeBook(shared: String) throws -> TemporaryDirectory {
    let book = try TemporaryDirectory()
    try writeSharedSourceBook(book, shared: shared)
    return book
  }

  private func page(_ book: TemporaryDirectory) throws -> String {
    try String(contentsOfFile: book.path + "/output/print.html", encoding: .utf8)
  }

  @Test func sharedCodeIsVisibleInCellsAndEditingItRerunsTheChapters() async throws {
    let book = try await BuiltBook.copy()
    #expect(try page(book).contains("hello from the shared file"))
    #expect(try page(book).contains("B USES THE EXPORT OF A"))

    try book.write(builtChapterA("New words."), to: "chapters/a.md")
    let proseEdit = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(!proseEdit.standardOutput.contains("compiling"))
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == true)

    try book.write("func greeting() -> String { \"edited shared file\" }\n", to: "chapters/common.swift")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    let record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/a.md") == false)
    #expect(record.isCached("chapters/b.md") == false)
    #expect(try page(book).contains("edited shared file"))
  }

  /// The shared folder is keyed on the parameters the shared source reads: one only a cell reads keeps it (and
  /// what was trained in it); one the shared source reads gets a folder of its own.
  @Test func theSharedFolderIsKeyedOnTheParametersTheSharedSourceReads() throws {
    let book = try makeBook(
      shared: """
        import Foundation
        func train() -> String {
          let steps = Build.parameter("shared-steps", default: 1)
          let marker = Build.sharedDirectory + "/trained"
          if FileManager.default.fileExists(atPath: marker) { return "loaded" }
          FileManager.default.createFile(atPath: marker, contents: nil)
          return "trained with \\(steps)"
        }
        func greeting() -> String { "a: " + train() }

        """)
    try book.write(
      "# B\n\n```{swift}\nprint(\"b:\", Build.parameter(\"glow-steps\", default: 10), train())\n```\n",
      to: "chapters/b.md")
    let first = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(first.exitCode == 0, "\(first.standardError)")

    let cellsOnly = try FlowBookBinary.run(["build", "--book", book.path, "-P", "glow-steps=200"])
    #expect(cellsOnly.exitCode == 0, "\(cellsOnly.standardError)")
    var record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/a.md") == true)
    #expect(record.isCached("chapters/b.md") == false)
    #expect(try page(book).contains("b: 200 loaded"), "the shared folder of the first build was not kept")

    let sharedParameter = try FlowBookBinary.run([
      "build", "--book", book.path, "-P", "glow-steps=200", "-P", "shared-steps=5",
    ])
    #expect(sharedParameter.exitCode == 0, "\(sharedParameter.standardError)")
    record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/a.md") == false)
    #expect(try page(book).contains("trained with 5"), "a folder made with shared-steps=1 was read")
  }

  @Test func anIncludeResolvesAgainstTheBookBeforeTheProject() throws {
    // FlowBook's own course has a chapters/course.swift too; the book's file of that name wins.
    let book = try TemporaryDirectory()
    try book.write(
      "// region: recipe\nlet mine = \"the recipe of this book\"\n// endregion\n", to: "chapters/course.swift")
    try book.write("# A\n\n{{< include chapters/course.swift#recipe >}}\n", to: "chapters/a.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(try page(book).contains("the recipe of this book"))
  }

  @Test func anErrorInTheSharedFileIsReportedInThatFile() throws {
    let book = try makeBook(shared: "func greeting() -> String {\n  \"fine\"\n}\nlet broken: Int = \"text\"\n")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/common.swift:4:19: error:"), "\(run.standardError)")
    #expect(!run.standardError.contains("main.swift"))
    #expect(try page(book).contains("chapters/common.swift:4:19: error:"))
  }

  @Test func aFailingConstantOfTheSharedFileFailsTheCellThatUsesIt() throws {
    let book = try makeBook(
      shared: "func greeting() -> String { \"\\(count)\" }\nlet count = Build.parameter(\"count\", default: 2)\n")
    try book.write("# A\n\n```{swift}\nprint(1)\n```\n\n```{swift}\nprint(greeting())\n```\n", to: "chapters/a.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path, "-P", "count=many"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/common.swift:2"), "\(run.standardError)")
    let record = try BuildRecordReader(book: book.path)
    #expect(record.statuses("chapters/a.md") == ["ok", "error"])
    #expect(record.statuses("chapters/b.md") == ["ok"])
  }

  @Test func chaptersShareOneFolderPerBuildSettingsThatCleanRemoves() async throws {
    let book = try await BuiltBook.copy()
    // The folder chapter b printed, in this copy of the book (the first build printed the path of the original).
    func sharedFolder() throws -> String {
      let name = try #require(try page(book).firstMatch(of: /\/\.flowbook-cache\/shared\/([0-9a-f-]+)/)?.1)
      return book.path + "/.flowbook-cache/shared/" + name
    }
    let shared = try sharedFolder()
    var isDirectory: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: shared, isDirectory: &isDirectory) && isDirectory.boolValue)

    #expect(try FlowBookBinary.run(["build", "--book", book.path, "--force", "--seed", "3"]).exitCode == 0)
    let reseeded = try sharedFolder()
    #expect(try page(book).contains(reseeded), "chapter b did not run again in this copy")
    #expect(reseeded != shared)

    // --force reruns everything, including what the chapters shared.
    try "kept".write(toFile: reseeded + "/marker", atomically: true, encoding: .utf8)
    #expect(try FlowBookBinary.run(["build", "--book", book.path, "--seed", "3"]).exitCode == 0)
    #expect(FileManager.default.fileExists(atPath: reseeded + "/marker"))
    #expect(try FlowBookBinary.run(["build", "--book", book.path, "--seed", "3", "--force"]).exitCode == 0)
    #expect(!FileManager.default.fileExists(atPath: reseeded + "/marker"))

    #expect(try FlowBookBinary.run(["clean", "--book", book.path]).exitCode == 0)
    #expect(!FileManager.default.fileExists(atPath: book.path + "/.flowbook-cache/shared"))
  }
}
