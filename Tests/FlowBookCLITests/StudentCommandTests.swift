import Foundation
import Testing
import _TestSupport

/// End-to-end: checks in cells, exported cells, and `flowbook student` on a two-chapter book whose exercise
/// lives in an exported cell of the first chapter and is used by the second.
@Suite struct StudentCommandTests {
  private static let exercise = """
    ```{swift}
    //| export: true
    /// Twice `x`.
    func twice(_ x: Double) -> Double {
      // BEGIN SOLUTION 1.1 twice
      // Return 2x.
      return 2 * x
      // END SOLUTION
    }
    ```
    """

  private func makeBook() throws -> TemporaryDirectory {
    let book = try TemporaryDirectory()
    try book.write(
      "# A\n\n\(Self.exercise)\n\n```{swift}\ncheck(\"twice 2 is 4\", twice(2) == 4, \"twice(2) = \\(twice(2))\")\ncheck(\"small error\", abs(twice(0.1) - 0.2), below: 1e-12, what: \"error\")\n```\n",
      to: "chapters/a.md")
    try book.write(
      "# B\n\n```{swift}\nprint(\"B says\", twice(21))\n```\n\n```{swift}\nprint(\"after\")\n```\n", to: "chapters/b.md"
    )
    try book.write("x,y\n1,2\n", to: "data/points.csv")
    return book
  }

  private func cells(_ book: String, _ file: String) throws -> [[String: Any]] {
    try BuildRecordReader(book: book).chapter(file)?["cells"] as? [[String: Any]] ?? []
  }

  @Test func theInstructorEditionPassesAndRecordsItsChecks() throws {
    let book = try makeBook()
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let checks = try cells(book.path, "chapters/a.md")[1]["checks"] as? [[String: Any]] ?? []
    #expect(checks.map { $0["name"] as? String } == ["twice 2 is 4", "small error"])
    #expect(checks.map { $0["passed"] as? Bool } == [true, true])
    #expect(checks.first?["message"] as? String == "twice(2) = 4.0")
    #expect(checks.first?["line"] as? Int == 15)
    let page = try String(contentsOfFile: book.path + "/output/print.html", encoding: .utf8)
    #expect(page.contains("B says 42.0"))
    #expect(page.contains("✔</span> <strong>twice 2 is 4</strong>: twice(2) = 4.0"))
  }

  @Test func aFailedCheckFailsTheBuildAtItsLineAndLaterCellsStillRun() throws {
    let book = try makeBook()
    try book.write(
      "# A\n\n```{swift}\ncheck(\"sum\", 1 + 1 == 3, \"1 + 1 = 2, not 3\")\ncheck(\"close\", 0.5, below: 1e-4)\n```\n\n```{swift}\nprint(\"still runs\")\n```\n",
      to: "chapters/a.md")
    try book.write("# B\n", to: "chapters/b.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/a.md:4: ✘ sum: 1 + 1 = 2, not 3"), "\(run.standardError)")
    #expect(run.standardError.contains("chapters/a.md:5: ✘ close: worst error 0.5 (tolerance 1e-4)"))
    #expect(run.standardError.contains("2 checks failed: sum (chapters/a.md:4), close (chapters/a.md:5)"))
    #expect(try BuildRecordReader(book: book.path).statuses("chapters/a.md") == ["ok", "ok"])
    let page = try String(contentsOfFile: book.path + "/output/print.html", encoding: .utf8)
    #expect(page.contains("still runs"))
    #expect(page.contains("<p class=\"check check-failed\">"))
  }

  @Test func theStudentEditionStubsEveryExerciseAndCopiesTheRest() throws {
    let book = try makeBook()
    // A book inside a project: its history holds the solutions, its build folders are large and rebuilt anyway.
    for leftOut in [
      ".git/objects/ab/solution", ".build/debug/libFlowBookKit.so", ".build-release/x", "output/index.html",
    ] {
      try book.write("return 2 * x", to: leftOut)
    }
    let student = try TemporaryDirectory()
    let out = student.path + "/edition"
    let run = try FlowBookBinary.run(["student", "--book", book.path, "--out", out])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let chapter = try String(contentsOfFile: out + "/chapters/a.md", encoding: .utf8)
    #expect(!chapter.contains("return 2 * x"))
    #expect(chapter.contains("  // Return 2x.\n  exercise(\"1.1 twice\")\n"))
    #expect(FileManager.default.fileExists(atPath: out + "/data/points.csv"))
    for leftOut in [".git", ".build", ".build-release", "output"] {
      #expect(!FileManager.default.fileExists(atPath: out + "/" + leftOut), "\(leftOut) was copied")
    }

    let build = try FlowBookBinary.run(["build", "--book", out])
    #expect(build.exitCode != 0)
    #expect(build.standardError.contains("exercise 1.1 twice not done yet (its stub is at chapters/a.md:9)"))
    #expect(try BuildRecordReader(book: out).statuses("chapters/a.md") == ["ok", "error"])
    #expect(try BuildRecordReader(book: out).statuses("chapters/b.md") == ["error", "not-run"])
    let notRun = try cells(out, "chapters/b.md")[1]["notRunReason"] as? String
    #expect(notRun == "exercise 1.1 twice is not done yet (chapters/b.md:4)")

    // Writing the solution back makes every check pass.
    try chapter.replacingOccurrences(of: "exercise(\"1.1 twice\")", with: "return x + x")
      .write(toFile: out + "/chapters/a.md", atomically: true, encoding: .utf8)
    let solved = try FlowBookBinary.run(["build", "--book", out])
    #expect(solved.exitCode == 0, "\(solved.standardError)")
  }

  @Test func theStudentEditionIsNeverWrittenIntoTheBook() throws {
    let book = try makeBook()
    let run = try FlowBookBinary.run(["student", "--book", book.path, "--out", book.path + "/student"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("is inside the book"))
    #expect(!FileManager.default.fileExists(atPath: book.path + "/student"))
  }

  @Test func aDuplicatedExerciseNameIsAnErrorAtItsChapterLine() throws {
    let book = try makeBook()
    try book.write(
      "# B\n\n\(Self.exercise.replacingOccurrences(of: "func twice", with: "func again"))\n", to: "chapters/b.md")
    let student = try TemporaryDirectory()
    let run = try FlowBookBinary.run(["student", "--book", book.path, "--out", student.path + "/edition"])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains("chapters/b.md:7: error: exercise '1.1 twice' is already defined at chapters/a.md:7"),
      "\(run.standardError)")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).standardError.contains("chapters/b.md:7: error:"))
  }
}
