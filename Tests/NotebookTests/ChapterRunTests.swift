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

  @Test func cellsAfterAnUnfinishedExerciseSayWhyTheyDidNotRun() {
    var run = ChapterRun(cellCount: 3)
    run.cells[0] = .init(status: .ok)
    run.cells[1] = .init(
      status: .error, diagnostics: [.init(severity: "error", text: "exercise 2.1 not done yet", lineOffset: 2)],
      exercise: "2.1")
    let cells = (0..<3).map { Cell(index: $0, code: "a\nb\nc\n", line: 10 * ($0 + 1)) }
    let chapter = Chapter(file: "chapters/a.md", blocks: cells.map(Block.cell))
    let results = run.results(for: chapter)
    #expect(results.map(\.status) == [.ok, .error, .notRun])
    #expect(results[1].unfinishedExercise == "2.1")
    #expect(results[2].notRunReason == "exercise 2.1 is not done yet (chapters/a.md:22)")
    #expect(results[0].notRunReason == nil)
  }
}
