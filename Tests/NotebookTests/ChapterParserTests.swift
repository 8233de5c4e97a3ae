import Testing
import _TestSupport

@testable import Notebook

@Suite struct ChapterParserTests {
  @Test func splitsProseAndExecutableCellsWithTheirLines() throws {
    let source = """
      # Title

      Some prose.

      ```{swift}
      print(1)
      ```

      ```swift
      shown only
      ```
      """
    let chapter = try ChapterParser.parse(source, file: "chapters/a.md")
    #expect(chapter.cells == [Cell(index: 0, code: "print(1)\n", line: 6)])
    #expect(chapter.blocks.count == 3)
    guard case .prose(let tail, let line) = chapter.blocks[2] else {
      Issue.record("expected prose after the cell")
      return
    }
    #expect(line == 8)
    #expect(tail.contains("shown only"))
  }

  @Test func chapterWithoutCellsIsAllProse() throws {
    let chapter = try ChapterParser.parse("Just text.\n", file: "x.md")
    #expect(chapter.cells.isEmpty)
    #expect(chapter.blocks == [.prose("Just text.\n", line: 1)])
  }

  @Test func optionLinesBecomeOptionsAndLeaveTheCode() throws {
    let source = "```{swift}\n//| label: fig-moons\n//| fig-cap: \"Two moons\"\n//| echo: false\nlet x = 1\n```\n"
    let cell = try #require(try ChapterParser.parse(source, file: "c.md").cells.first)
    #expect(cell.code == "let x = 1\n")
    #expect(cell.line == 5)
    #expect(cell.options.label == "fig-moons")
    #expect(cell.options.figureCaption == "Two moons")
    #expect(cell.options.echo == false)
    #expect(cell.optionError == nil)
  }

  @Test func badOptionIsAnErrorAtItsLine() throws {
    let source = "Intro\n\n```{swift}\n//| echo: true\n//| colour: red\nprint(1)\n```\n"
    let cell = try #require(try ChapterParser.parse(source, file: "c.md").cells.first)
    let error = try #require(cell.optionError)
    #expect(error.line == 5)
    #expect(error.message.contains("colour"))
  }

  @Test func frontMatterGivesTitleAndDefaultsAndKeepsLineNumbers() throws {
    let source = "---\ntitle: Flows\ntimeout: 5\n---\n# Flows\n\n```{swift}\nprint(1)\n```\n"
    let chapter = try ChapterParser.parse(source, file: "c.md")
    #expect(chapter.title == "Flows")
    #expect(chapter.cells.first?.line == 8)
    #expect(chapter.cells.first?.options.timeout == 5)
    guard case .prose(let prose, _) = chapter.blocks.first else {
      Issue.record("expected prose first")
      return
    }
    #expect(!prose.contains("title:"))
  }

  @Test func unknownFrontMatterKeyNamesItsLine() {
    #expect(
      throws: BookError(
        file: "c.md", line: 3,
        "unknown front matter key 'colour' (known: title, \(CellOptions.keys.joined(separator: ", ")))")
    ) {
      try ChapterParser.parse("---\ntitle: x\ncolour: red\n---\n", file: "c.md")
    }
  }

  @Test func includeMarkerIsReplacedByAFencedSwiftBlock() throws {
    let project = try TemporaryDirectory()
    try project.write("struct A {\n  // region: body\n  func f() {}\n  // endregion\n}\n", to: "Sources/A.swift")
    let source = "Before\n\n{{< include Sources/A.swift#body >}}\n\nAfter\n"
    let chapter = try ChapterParser.parse(source, file: "c.md", includes: IncludeResolver(projectRoot: project.path))
    guard case .prose(let prose, _) = chapter.blocks.first else {
      Issue.record("expected prose")
      return
    }
    #expect(prose == "Before\n\n```swift\nfunc f() {}\n```\n\nAfter\n")
  }
}
