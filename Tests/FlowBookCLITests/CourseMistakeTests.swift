import Foundation
import Testing
import _TestSupport

/// A student's typical mistakes, planted in the course's own exercise code: each must fail the check that
/// points at its cause, with a message naming the quantity, while the checks it does not concern pass.
@Suite struct CourseMistakeTests {
  struct Mistake: CustomTestStringConvertible, Sendable {
    var name: String
    var solution: String
    var mistake: String
    var failingCheck: String
    var messageNames: [String]
    var passingCheck: String
    var stacking = false
    var testDescription: String { name }
  }

  @Test(
    .enabled(if: slowTestsEnabled, "slow: four builds of the course's chapter 2; make test-slow runs it"),
    arguments: [
      Mistake(
        name: "sign error in the log-det", solution: "return ((1 - mask) * s).sum(alongAxis: 1)",
        mistake: "return -((1 - mask) * s).sum(alongAxis: 1)", failingCheck: "log-det matches the Jacobian",
        messageNames: ["worst |log-det − log|det J||", "sign error"], passingCheck: "inverse undoes forward"),
      Mistake(
        name: "forgetting the mask", solution: "return mask * x + (1 - mask) * (x * s.exp() + t)",
        mistake: "return x * s.exp() + t", failingCheck: "kept coordinates are copied",
        messageNames: ["worst |y_j − x_j| over the kept coordinates", "is the mask applied?"],
        passingCheck: "library = chapter: inverse, layer 1, mask [1, 0]"),
      Mistake(
        name: "exp(s) in the inverse", solution: "((y - t) * (-s).exp())", mistake: "((y - t) * s.exp())",
        failingCheck: "inverse undoes forward", messageNames: ["worst |f⁻¹(f(x)) − x|", "x·exp(2s)"],
        passingCheck: "log-det matches the Jacobian"),
      Mistake(
        name: "masks not alternating", solution: "(j + k) % 2 == 0", mistake: "j % 2 == 0",
        failingCheck: "masks alternate", messageNames: ["layers 1 and 2 have masks (1, 0) and (1, 0)"],
        passingCheck: "log-det matches the Jacobian", stacking: true),
    ])
  func aMistakeFailsTheCheckThatNamesIt(_ planted: Mistake) throws {
    let fixture = try CourseFixture(stacking: planted.stacking) { text in
      text.replacingOccurrences(of: planted.solution, with: planted.mistake)
    }
    let chapters =
      try String(contentsOfFile: fixture.book.path + "/chapters/02-affine-coupling.md", encoding: .utf8)
      + ((try? String(contentsOfFile: fixture.book.path + "/chapters/03-stacking.md", encoding: .utf8)) ?? "")
    try #require(chapters.contains(planted.mistake), "the solution text moved: plant '\(planted.mistake)' again")
    let (run, checks) = try fixture.build()
    #expect(run.exitCode != 0)
    let failing = try #require(checks[planted.failingCheck], "no check '\(planted.failingCheck)' in \(checks.keys)")
    #expect(!failing.passed)
    for phrase in planted.messageNames {
      #expect(failing.message.contains(phrase), "'\(failing.message)' does not name '\(phrase)'")
    }
    #expect(run.standardError.contains("✘ \(planted.failingCheck): "))
    #expect(checks[planted.passingCheck]?.passed == true, "\(checks[planted.passingCheck].debugDescription)")
  }
}
