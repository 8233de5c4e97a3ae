import Testing

@testable import Plot

@Suite struct TickLocatorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var range: ClosedRange<Double>
    var maxCount: Int
    var labels: [String]
    var testDescription: String { "\(range)" }
  }

  @Test(arguments: [
    Case(range: 0...1, maxCount: 6, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
    Case(range: 0...0.001, maxCount: 3, labels: ["0.0000", "0.0005", "0.0010"]),
    Case(
      range: 0...100_000, maxCount: 6, labels: ["0", "20000", "40000", "60000", "80000", "100000"]),
    Case(range: -3.2...(-0.4), maxCount: 4, labels: ["−3", "−2", "−1"]),
    Case(range: -1...1, maxCount: 5, labels: ["−1.0", "−0.5", "0.0", "0.5", "1.0"]),
    Case(range: 0...10, maxCount: 5, labels: ["0.0", "2.5", "5.0", "7.5", "10.0"]),
    Case(range: 0...3e7, maxCount: 4, labels: ["0", "1×10^{7}", "2×10^{7}", "3×10^{7}"]),
  ])
  func linearTicksAreNiceAndLabelledWithTheDecimalsTheStepNeeds(_ c: Case) {
    #expect(TickLocator.linear(c.range, maxCount: c.maxCount).map(\.label) == c.labels)
  }

  @Test func linearTicksStayInsideTheRangeAndAreEvenlySpaced() {
    for range in [0.0013...0.0071, -87_000.0...93_000, -1e-3...(-2e-4), 17.0...17.5] {
      let values = TickLocator.linear(range, maxCount: 7).map(\.value)
      #expect(values.count >= 2, "\(range)")
      #expect(values.allSatisfy { range.contains($0) }, "\(range)")
      let steps = zip(values.dropFirst(), values).map { $0 - $1 }
      #expect(steps.allSatisfy { abs($0 - steps[0]) < 1e-9 * abs(steps[0]) }, "\(range)")
    }
  }

  @Test func logTicksAreDecadesWithSuperscriptLabels() {
    let ticks = TickLocator.logarithmic(1e-3...1e5, maxCount: 5)
    #expect(ticks.map(\.label) == ["10^{−3}", "10^{−1}", "10^{1}", "10^{3}", "10^{5}"])
    #expect(ticks.map(\.value).first == 1e-3)
  }

  @Test func logAxisOverAboutTwoDecadesUsesOneTwoFive() {
    let ticks = TickLocator.logarithmic(0.08...3, maxCount: 8)
    #expect(ticks.map(\.label) == ["0.1", "0.2", "0.5", "1", "2"])
  }

  @Test func logAxisWithinOneDecadeFallsBackToLinearTicks() {
    let ticks = TickLocator.logarithmic(2...8, maxCount: 4)
    #expect(ticks.map(\.label) == ["2", "4", "6", "8"])
  }
}
