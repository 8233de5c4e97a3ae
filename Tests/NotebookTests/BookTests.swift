import Testing
import _TestSupport

@testable import Notebook

@Suite struct BookTests {
  private func load(_ book: TemporaryDirectory) throws -> Book {
    try Book.load(from: book.path, includes: IncludeResolver(projectRoot: book.path))
  }

  @Test func chaptersComeInFileNameOrderWithoutBookYml() throws {
    let book = try TemporaryDirectory()
    try book.write("---\ntitle: Second\n---\n", to: "chapters/02-b.md")
    try book.write("# One\n", to: "chapters/01-a.md")
    try book.write("not a chapter", to: "chapters/notes.txt")
    let loaded = try load(book)
    #expect(loaded.chapters.map(\.file) == ["chapters/01-a.md", "chapters/02-b.md"])
    #expect(loaded.metadata.title == "Second")
  }

  @Test func bookYmlSetsTitleAuthorsOrderAndDefaults() throws {
    let book = try TemporaryDirectory()
    try book.write("```{swift}\nprint(1)\n```\n", to: "chapters/a.md")
    try book.write("# B\n", to: "chapters/b.md")
    try book.write(
      "title: Flows\nauthors: [Ada, Bob]\nchapters:\n  - b.md\n  - a.md\ndefaults:\n  timeout: 30\n  echo: false\n",
      to: "chapters/book.yml")
    let loaded = try load(book)
    #expect(loaded.metadata == BookMetadata(title: "Flows", authors: ["Ada", "Bob"]))
    #expect(loaded.chapters.map(\.file) == ["chapters/b.md", "chapters/a.md"])
    let options = try #require(loaded.chapters.last?.cells.first?.options)
    #expect(options.timeout == 30)
    #expect(options.echo == false)
  }

  @Test func bookYmlNamesAPrefaceThatIsNoChapter() throws {
    let book = try TemporaryDirectory()
    try book.write("# A\n", to: "chapters/a.md")
    try book.write("Welcome to the *book*.\n", to: "chapters/preface.md")
    try book.write("title: Flows\npreface: preface.md\n", to: "chapters/book.yml")
    let loaded = try load(book)
    #expect(loaded.chapters.map(\.file) == ["chapters/a.md"])
    #expect(loaded.metadata.preface?.markdown == "Welcome to the *book*.\n")
    #expect(loaded.metadata.preface?.file == "chapters/preface.md")
    #expect(loaded.warnings.isEmpty)
  }

  @Test(arguments: [
    ("title: [unclosed\n", 2, "bad YAML"),
    ("title: x\nchapters: [missing.md]\n", 2, "missing.md"),
    ("title: x\nchapters: [a.md, a.md]\n", 2, "chapter 'a.md' is listed more than once"),
    ("title: x\ndefaults:\n  echo: maybe\n", 3, "echo must be true or false"),
    ("titel: x\n", 1, "unknown key 'titel'"),
    ("title: x\nshared: ../secret.swift\n", 2, "must name a .swift file inside chapters/"),
    ("title: x\nshared: missing.swift\n", 2, "cannot read the shared source 'chapters/missing.swift'"),
    ("title: x\nbibliography: refs.json\n", 2, "must name a BibTeX .bib or CSL YAML .yaml file inside chapters/"),
    ("title: x\npreface: ../notes.md\n", 2, "must name a .md file inside chapters/"),
    ("title: x\npreface: missing.md\n", 2, "cannot read the preface 'chapters/missing.md'"),
    ("title: x\nbibliography: [missing.bib]\n", 2, "cannot read the bibliography chapters/missing.bib"),
    ("title: x\ncitation-style: apa\n", 2, "citation-style 'apa' is unknown (known: numeric, author-year)"),
  ])
  func badBookYmlNamesFileAndLine(yaml: String, line: Int, message: String) throws {
    let book = try TemporaryDirectory()
    try book.write("# A\n", to: "chapters/a.md")
    try book.write(yaml, to: "chapters/book.yml")
    let error = #expect(throws: BookError.self) { try load(book) }
    #expect(error?.file == "chapters/book.yml")
    #expect(error?.line == line)
    #expect(error?.message.contains(message) == true, "\(String(describing: error))")
  }

  @Test func bookYmlNamesTheBibliographyAndTheCitationStyle() throws {
    let book = try TemporaryDirectory()
    try book.write("# A\n", to: "chapters/a.md")
    try book.write("@misc{k, title = {T}}\n", to: "chapters/refs.bib")
    try book.write("title: T\nbibliography: refs.bib\ncitation-style: author-year\n", to: "chapters/book.yml")
    let metadata = try load(book).metadata
    #expect(metadata.bibliography == [BibliographyFile(path: "chapters/refs.bib", text: "@misc{k, title = {T}}\n")])
    #expect(metadata.citationStyle == .authorYear)
  }

  @Test func theSharedSourceReachesEveryChapterAndItsRegionsCanBeShown() throws {
    let book = try TemporaryDirectory()
    let shared = "import Flows\n// region: greeting\nfunc greeting() -> String { \"hello\" }\n// endregion\n"
    try book.write(shared, to: "chapters/common.swift")
    try book.write("# A\n\n{{< include chapters/common.swift#greeting >}}\n", to: "chapters/a.md")
    try book.write("# B\n", to: "chapters/b.md")
    try book.write("shared: common.swift\n", to: "chapters/book.yml")
    let loaded = try load(book)
    let expected = SharedSource(file: "chapters/common.swift", code: shared)
    #expect(loaded.chapters.map(\.shared) == [expected, expected])
    #expect(loaded.chapters.map(\.file) == ["chapters/a.md", "chapters/b.md"])
    let prose = loaded.chapters[0].blocks.compactMap { if case .prose(let text, _) = $0 { text } else { nil } }
    #expect(prose.joined().contains("```swift\nfunc greeting() -> String { \"hello\" }\n```"))
  }

  @Test func folderWithoutChaptersIsAnError() throws {
    let book = try TemporaryDirectory()
    #expect(throws: BookError.self) { try load(book) }
  }
}
