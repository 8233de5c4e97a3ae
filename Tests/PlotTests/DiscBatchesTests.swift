import Testing

@testable import Plot
@testable import PlotCairo

/// Discs are grouped only while they neither touch each other nor change colour.
@Suite struct DiscBatchesTests {
  @Test func farApartDiscsOfOneColourShareOneRange() {
    let centres = [(0.0, 0.0), (10, 0), (20, 0), (0, 10)]
    let ranges = DiscBatches.ranges(
      centres: centres, colors: Array(repeating: .blue, count: 4), radius: 2)
    #expect(ranges == [0..<4])
  }

  @Test func aTouchingDiscOrANewColourStartsANewRange() {
    let centres = [(0.0, 0.0), (10, 0), (10.5, 0.5), (30, 0), (40, 0)]
    let colors: [Color] = [.blue, .blue, .blue, .blue, .red]
    #expect(
      DiscBatches.ranges(centres: centres, colors: colors, radius: 2) == [0..<2, 2..<4, 4..<5])
  }
}
