import Testing

@testable import Notebook

@Suite struct RuntimeFailureTests {
  @Test func fatalErrorIsLocatedInItsCellWithoutStackTrace() {
    let diagnostic = RuntimeFailure.diagnostic(
      from: "chapters/a.md:12: Fatal error: boom\nCurrent stack trace:\n0 libswiftCore.so 0x1 swift_reportError\n",
      cellStart: 10)
    #expect(diagnostic == .init(severity: "error", text: "Fatal error: boom", lineOffset: 2))
  }

  @Test func crashWithoutMessageStillSaysSo() {
    #expect(RuntimeFailure.diagnostic(from: "", cellStart: 1).text == "the cell crashed")
  }

  @Test func silentCrashSaysHowItEnded() {
    let ending = RuntimeFailure.ending(exitCode: 139, signal: 11)
    #expect(ending == "the cell crashed (signal 11, SIGSEGV)")
    #expect(RuntimeFailure.diagnostic(from: "", cellStart: 1, ending: ending).text == ending)
    #expect(RuntimeFailure.ending(exitCode: 3, signal: nil).contains("exited with code 3"))
  }
}
