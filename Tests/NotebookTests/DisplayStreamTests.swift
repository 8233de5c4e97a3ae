import Foundation
import Testing

@testable import Notebook

@Suite struct DisplayStreamTests {
  private let cells = [Cell(index: 0, code: "a\n", line: 3), Cell(index: 1, code: "b\n", line: 7)]

  private func event(_ json: String) -> String { "\u{1E}flowbook:" + json + "\n" }

  @Test func outputIsSplitByCellInOrder() {
    var stream = DisplayStream(cells: cells)
    let text =
      event(#"{"event":"begin-cell","cell":0}"#) + "hello\nno newline" + event(#"{"event":"figure","name":"f.svg"}"#)
      + event(#"{"event":"begin-cell","cell":1}"#) + event(#"{"event":"table","header":["a"],"rows":[["1"]]}"#)
      + event(#"{"event":"markdown","text":"**b**\nc"}"#) + "tail"
    // Fed in two arbitrary chunks, as a pipe delivers it.
    let data = Data(text.utf8)
    _ = stream.feed(data.prefix(20))
    _ = stream.feed(data.dropFirst(20))
    stream.finish()
    #expect(stream.run.cells[0].outputs == [.text("hello\nno newline"), .figure("f.svg")])
    #expect(
      stream.run.cells[1].outputs == [.table(header: ["a"], rows: [["1"]]), .markdown("**b**\nc"), .text("tail")])
    #expect(stream.run.cells.map(\.status) == [.ok, .ok])
  }

  @Test func progressIsReportedNotShown() {
    var stream = DisplayStream(cells: cells)
    let events = stream.feed(
      Data(
        (event(#"{"event":"begin-cell","cell":0}"#)
          + event(#"{"event":"progress","step":3,"total":9,"message":"loss"}"#)).utf8))
    #expect(events.count == 2)
    guard case .progress(3, 9, "loss") = events[1] else {
      Issue.record("expected a progress event, got \(events)")
      return
    }
    #expect(stream.run.cells[0].outputs.isEmpty)
  }

  @Test func failedIsolatedCellIsAnErrorLocatedInTheCell() {
    var stream = DisplayStream(cells: cells, file: "chapters/a.md")
    _ = stream.feed(
      Data(
        (event(#"{"event":"begin-cell","cell":1}"#)
          + event(#"{"event":"isolated-end","cell":1,"failed":true,"stderr":"chapters\/a.md:8: Fatal error: no"}"#))
          .utf8))
    #expect(stream.run.cells[1].status == .error)
    #expect(stream.run.cells[1].diagnostics == [.init(severity: "error", text: "Fatal error: no", lineOffset: 1)])
  }
}

@Suite struct DisplayStreamCheckTests {
  private let cells = [Cell(index: 0, code: "a\nb\n", line: 3), Cell(index: 1, code: "c\n", line: 7)]

  private func event(_ json: String) -> String { "\u{1E}flowbook:" + json + "\n" }

  @Test func checksAreOutputsLocatedInTheirCell() {
    var stream = DisplayStream(cells: cells, file: "chapters/a.md")
    _ = stream.feed(
      Data(
        (event(#"{"event":"begin-cell","cell":0}"#)
          + event(#"{"event":"check","name":"n","passed":false,"message":"m","file":"chapters/a.md","line":4}"#)
          + event(#"{"event":"check","name":"o","passed":true,"message":"","file":"chapters/course.swift","line":4}"#))
          .utf8))
    stream.finish()
    #expect(
      stream.run.cells[0].outputs == [
        .check(CheckResult(name: "n", passed: false, message: "m", lineOffset: 1)),
        .check(CheckResult(name: "o", passed: true, message: "", lineOffset: nil)),
      ])
    #expect(stream.run.cells[0].status == .ok)
  }

  @Test func anUnfinishedExerciseFailsItsCellNamingTheStub() {
    var stream = DisplayStream(cells: cells, file: "chapters/a.md")
    _ = stream.feed(
      Data(
        (event(#"{"event":"begin-cell","cell":1}"#)
          + event(#"{"event":"exercise","name":"2.1 forward","file":"chapters/a.md","line":4}"#)).utf8))
    stream.finish()
    #expect(stream.stoppedByExercise)
    #expect(stream.run.cells[1].status == .error)
    #expect(stream.run.cells[1].exercise == "2.1 forward")
    #expect(
      stream.run.cells[1].diagnostics == [
        .init(severity: "error", text: "exercise 2.1 forward not done yet (its stub is at chapters/a.md:4)")
      ])
  }
}
