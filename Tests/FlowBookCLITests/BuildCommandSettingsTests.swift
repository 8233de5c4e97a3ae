import Foundation
import Testing
import _TestSupport

/// End-to-end: a build with other settings reruns the chapters that read them, without `--force`, and without
/// compiling their unchanged programs again.
@Suite struct BuildCommandSettingsTests {
  @Test func changingSeedProfileOrParameterRerunsAndReturningFindsTheEarlierResults() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Settings

      ```{swift}
      print("seed \\(Build.seed) profile \\(Build.profile) n \\(Build.parameter("n", default: 1))")
      ```
      """, to: "chapters/a.md")
    func build(_ settings: [String]) throws -> (cached: Bool?, page: String, compiled: Bool) {
      let run = try FlowBookBinary.run(["build", "--book", book.path] + settings)
      #expect(run.exitCode == 0, "\(run.standardError)")
      let page = try String(contentsOfFile: book.path + "/output/print.html", encoding: .utf8)
      let compiled = run.standardOutput.contains("compiling")
      return (try BuildRecordReader(book: book.path).isCached("chapters/a.md"), page, compiled)
    }
    let first = try build([])
    #expect(first.page.contains("seed 0 profile full n 1"))
    #expect(first.compiled)
    for (settings, printed) in [
      (["--seed", "3"], "seed 3 profile full n 1"),
      (["--quick"], "seed 0 profile quick n 1"),
      (["-P", "n=2"], "seed 0 profile full n 2"),
    ] {
      let rebuilt = try build(settings)
      #expect(rebuilt.cached == false, "\(settings)")
      #expect(rebuilt.page.contains(printed), "\(settings)")
      #expect(!rebuilt.compiled, "\(settings): the program read them at run time; it was compiled again")
    }
    let again = try build([])
    #expect(again.cached == true)
    #expect(again.page.contains("seed 0 profile full n 1"))
  }
}
