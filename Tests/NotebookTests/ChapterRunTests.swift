import Testing

@testable import Notebook

@Suite struct ChapterRunTests {
  @Test func errorsFollowTheirCellWhenProseMovesIt() throws {
    var run = ChapterRun(cellCount: 1)
    run.cells[0] = .init(status: .error, diagnostics: [.init(severity: "error", text: "bad", lineOffset: 1, column: 5)])
    let cell = Cell(index: 0, code: "let a = 1\nlet b: Int = a + x\n", line: 20)
    let chapter = Chapter(file: "chapters/a.md", blocks: [.cell(cell)])
    let error = try #require(run.results(for: chapter).first?.error)
    #expect(error.line == 21)
    #expect(error.column == 5)
    #expect(error.message == "chapters/a.md:21:5: error: bad\nlet b: Int = a + x\n    ^")
  }
}
