import Notebook
import Testing

@Suite struct ChapterParserTests {
  @Test func splitsProseAndExecutableCellsWithTheirLines() {
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
    let chapter = ChapterParser.parse(source, file: "chapters/a.md")
    #expect(chapter.cells == [Cell(index: 0, code: "print(1)\n", line: 6)])
    #expect(chapter.blocks.count == 3)
    guard case .prose(let tail, let line) = chapter.blocks[2] else {
      Issue.record("expected prose after the cell")
      return
    }
    #expect(line == 8)
    #expect(tail.contains("shown only"))
  }

  @Test func chapterWithoutCellsIsAllProse() {
    let chapter = ChapterParser.parse("Just text.\n", file: "x.md")
    #expect(chapter.cells.isEmpty)
    #expect(chapter.blocks == [.prose("Just text.\n", line: 1)])
  }
}
