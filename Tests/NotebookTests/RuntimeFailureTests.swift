import Testing

@testable import Notebook

@Suite struct RuntimeFailureTests {
  private let origin = RuntimeFailure.Origin(
    chapterFile: "chapters/a.md", sharedFile: "chapters/s.swift", cellStart: 10)

  /// A crash report as the runtime's backtracer writes it (`format=json`), with `frames` innermost first.
  private func report(_ frames: String) -> String {
    """
    \n*** Signal 4: Backtracing from 0x1... done ***\n
    { "timestamp": "2026-12-01T20:48:25Z", "kind": "crashReport", "description": "Illegal instruction", \
    "threads": [ { "name": "chapter", "crashed": true, "frames": [ \(frames) ] } ] }
    """
  }

  private func frame(_ description: String, image: String, file: String? = nil, line: Int = 0, column: Int = 0)
    -> String
  {
    let location = file.map {
      ", \"sourceLocation\": { \"file\": \"\($0)\", \"line\": \(line), \"column\": \(column) }"
    }
    return
      "{ \"kind\": \"returnAddress\", \"description\": \"\(description) + 12\", \"image\": \"\(image)\"\(location ?? "") }"
  }

  @Test func withoutReportTheRuntimePrefixLocatesTheMessage() {
    let diagnostics = RuntimeFailure.diagnostics(
      from: "chapter/a.md:12: Fatal error: boom\nCurrent stack trace:\n0 libswiftCore.so 0x1 swift_reportError\n",
      in: origin)
    #expect(diagnostics == [.init(severity: "error", text: "Fatal error: boom", lineOffset: 2)])
  }

  @Test func theInnermostChapterFrameIsTheLineAndTheLibraryFunctionIsNamed() {
    let frames = [
      frame("_assertionFailure(_:_:file:line:flags:)", image: "libswiftCore.so"),
      frame("closure #1 in Flow.sample(_:seed:)", image: "libFlowBookKit.so"),
      frame("specialized Flow.sample(_:seed:)", image: "libFlowBookKit.so"),
      frame("main", image: "chapter", file: "chapters/a.md", line: 14, column: 9),
    ]
    let diagnostics = RuntimeFailure.diagnostics(
      from: "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n"
        + report(frames.joined(separator: ", ")), in: origin)
    #expect(
      diagnostics == [
        .init(
          severity: "error", text: "Fatal error: Index out of range (in Flow.sample, called here)", lineOffset: 4,
          column: 9)
      ])
  }

  @Test func aCompilerTrapIsNamedByItsRuntimeFailure() {
    let failure =
      "{ \"kind\": \"programCounter\", \"inlined\": true, \"runtimeFailure\": true, \"system\": true, "
      + "\"description\": \"Swift runtime failure: arithmetic overflow\", \"image\": \"chapter\" }"
    let diagnostics = RuntimeFailure.diagnostics(
      from: report(failure + ", " + frame("main", image: "chapter", file: "chapters/a.md", line: 11, column: 3)),
      in: origin)
    #expect(diagnostics.map(\.text) == ["Swift runtime failure: arithmetic overflow"])
    #expect(diagnostics.first?.lineOffset == 1)
  }

  @Test func aTrapInTheSharedSourceIsLocatedThereWithANoteAtTheCallingCell() {
    let frames = [
      frame("first(of:)", image: "chapter", file: "chapters/s.swift", line: 3, column: 10),
      frame("main", image: "chapter", file: "chapters/a.md", line: 12, column: 7),
    ]
    let diagnostics = RuntimeFailure.diagnostics(
      from: "chapter/s.swift:3: Fatal error: Unexpectedly found nil\n" + report(frames.joined(separator: ", ")),
      in: origin)
    #expect(
      diagnostics == [
        .init(severity: "error", text: "Fatal error: Unexpectedly found nil", column: 10, sharedLine: 3),
        .init(severity: "note", text: "called from here", lineOffset: 2, column: 7),
      ])
  }

  @Test func crashWithoutMessageStillSaysSo() {
    #expect(RuntimeFailure.diagnostics(from: "", in: origin).map(\.text) == ["the cell crashed"])
  }

  @Test func silentCrashSaysHowItEnded() {
    let ending = RuntimeFailure.ending(exitCode: 139, signal: 11)
    #expect(ending == "the cell crashed (signal 11, SIGSEGV)")
    #expect(RuntimeFailure.diagnostics(from: "", in: origin, ending: ending).map(\.text) == [ending])
    #expect(RuntimeFailure.ending(exitCode: 3, signal: nil).contains("exited with code 3"))
  }
}
