import Foundation
import Testing
import _TestSupport

/// `flowbook student` on the course: the edition holds none of the solution code, its build reports every
/// exercise as not done without a crash, and pasting the solutions back makes every check pass.
@Suite struct CourseStudentEditionTests {
  @Test func theCourseEditionHasEveryExerciseAndNoSolutionCode() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let out = try TemporaryDirectory()
    let run = try FlowBookBinary.run(["student", "--book", root, "--out", out.path + "/student"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    for exercise in [
      "2.1 forward pass", "2.2 log-determinant", "2.3 inverse", "3.1 alternating masks", "4.1 training loss",
    ] {
      #expect(run.standardOutput.contains(exercise))
    }
    let solutions = [
      "(x * s.exp() + t)", "((1 - mask) * s).sum", "(-s).exp()", "(j + k) % 2", "logProbability.mean()",
    ]
    for file in ["02-affine-coupling.md", "03-stacking.md", "04-training.md"] {
      let text = try String(contentsOfFile: out.path + "/student/chapters/" + file, encoding: .utf8)
      for solution in solutions { #expect(!text.contains(solution), "\(file) still holds \(solution)") }
      #expect(text.contains("exercise(\""))
    }
    #expect(FileManager.default.fileExists(atPath: out.path + "/student/chapters/book.yml"))
    #expect(FileManager.default.fileExists(atPath: out.path + "/student/chapters/course.swift"))
    #expect(!FileManager.default.fileExists(atPath: out.path + "/student/.build"))
  }

  @Test(.enabled(if: slowTestsEnabled, "slow: builds chapters 2-3 of the course twice; make test-slow runs it"))
  func theStudentEditionBuildsWithExercisesNotDoneAndSolvedItPasses() throws {
    let fixture = try CourseFixture(stacking: true)
    let out = try TemporaryDirectory()
    let edition = out.path + "/student"
    #expect(try FlowBookBinary.run(["student", "--book", fixture.book.path, "--out", edition]).exitCode == 0)

    let run = try FlowBookBinary.run(["build", "--book", edition, "--quick"])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains(
        "4 exercises not done yet: 2.1 forward pass (chapters/02-affine-coupling.md:"), "\(run.standardError)")
    #expect(!run.standardError.contains("crashed"))
    let record = try BuildRecordReader(book: edition)
    let statuses = record.statuses("chapters/02-affine-coupling.md")
    #expect(statuses.contains("error"))
    #expect(statuses.last == "not-run")
    let cells = record.chapter("chapters/02-affine-coupling.md")?["cells"] as? [[String: Any]] ?? []
    #expect(cells.contains { $0["unfinishedExercise"] as? String == "2.1 forward pass" })
    #expect(
      cells.contains { ($0["notRunReason"] as? String)?.hasPrefix("exercise 2.1 forward pass is not done yet") == true }
    )

    // Pasting the solutions back: the instructor's chapters in the student edition.
    for file in ["02-affine-coupling.md", "03-stacking.md"] {
      try FileManager.default.removeItem(atPath: edition + "/chapters/" + file)
      try FileManager.default.copyItem(
        atPath: fixture.book.path + "/chapters/" + file, toPath: edition + "/chapters/" + file)
    }
    let solved = try FlowBookBinary.run(["build", "--book", edition, "--quick"])
    #expect(solved.exitCode == 0, "\(solved.standardError)")
    #expect(solved.standardOutput.contains(" 0 failed"))
  }
}
