import Testing

@testable import Notebook

@Suite struct CompilerDiagnosticsTests {
  @Test func errorsAndTheirNotesAreKeptWarningsDropped() {
    let output = """
      chapters/a.md:4:14: error: cannot convert value of type 'String' to specified type 'Int'
      let x: Int = "text"
                   ^~~~~~
      chapters/a.md:9:5: warning: variable 'y' was never used
      chapters/a.md:9:5: note: consider replacing with '_'
      chapters/a.md:12:1: note: did you mean 'z'?
      error: link command failed with exit code 1
      """
    let diagnostics = CompilerDiagnostics.parse(output)
    #expect(diagnostics.map(\.severity) == ["error", "error"])
    #expect(diagnostics[0].line == 4)
    #expect(diagnostics[0].column == 14)
    #expect(diagnostics[0].file == "chapters/a.md")
    #expect(diagnostics[1].line == nil)
    #expect(diagnostics[1].text == "link command failed with exit code 1")
  }
}
