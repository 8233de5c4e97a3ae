import Testing

@testable import Notebook

@Suite struct SolutionRegionTests {
  private let cell = """
    ```{swift}
    func twice(_ x: Double) -> Double {
      // BEGIN SOLUTION 1.1 twice
      // Return 2x.
      let y = 2 * x
      return y
      // END SOLUTION
    }
    ```
    """

  @Test func aRegionHasItsNameLinesIndentationAndPrompt() throws {
    let regions = try SolutionRegion.scan(cell, file: "chapters/a.md")
    #expect(
      regions == [
        SolutionRegion(
          name: "1.1 twice", file: "chapters/a.md", begin: 3, end: 7, indentation: "  ", prompt: ["  // Return 2x."])
      ])
  }

  @Test func theStudentEditionKeepsThePromptAndReplacesTheCodeByAStub() throws {
    let student = SolutionRegion.studentEdition(of: cell, regions: try SolutionRegion.scan(cell, file: "a.md"))
    #expect(!student.contains("2 * x"))
    #expect(
      student.contains(
        "  // BEGIN SOLUTION 1.1 twice\n  // Return 2x.\n  exercise(\"1.1 twice\")\n  // END SOLUTION\n}"))
  }

  struct BadCase: CustomTestStringConvertible, Sendable {
    var text: String
    var line: Int
    var says: String
    var testDescription: String { says }
  }

  @Test(arguments: [
    BadCase(text: "a\n// BEGIN SOLUTION x\nb\n", line: 2, says: "solution region 'x' is never closed"),
    BadCase(text: "```{swift}\n// BEGIN SOLUTION x\n```\n", line: 2, says: "is not closed in its cell"),
    BadCase(
      text: "// BEGIN SOLUTION x\n  // BEGIN SOLUTION y\n// END SOLUTION\n", line: 2,
      says: "solution region inside the region 'x' opened at line 1"),
    BadCase(text: "a\n// END SOLUTION\n", line: 2, says: "// END SOLUTION without a // BEGIN SOLUTION"),
    BadCase(text: "// BEGIN SOLUTION   \n// END SOLUTION\n", line: 1, says: "name the exercise"),
  ])
  func badRegionsAreErrorsAtTheirLine(_ bad: BadCase) {
    #expect {
      try SolutionRegion.scan(bad.text, file: "chapters/a.md")
    } throws: { error in
      guard let error = error as? BookError else { return false }
      return error.file == "chapters/a.md" && error.line == bad.line && error.message.contains(bad.says)
    }
  }

  @Test func anExerciseNameUsedTwiceIsAnErrorAtTheSecondUse() throws {
    let first = try SolutionRegion.scan("// BEGIN SOLUTION 2.1 forward\n// END SOLUTION\n", file: "chapters/a.md")
    let second = try SolutionRegion.scan("\n\n// BEGIN SOLUTION 2.1 forward\n// END SOLUTION\n", file: "chapters/b.md")
    #expect {
      try SolutionRegion.requireUniqueNames(first + second)
    } throws: { error in
      "\(error)" == "chapters/b.md:3: error: exercise '2.1 forward' is already defined at chapters/a.md:1; "
        + "give each exercise its own name"
    }
  }
}
