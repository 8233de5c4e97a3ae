import Testing

@testable import Weave

@Suite struct PlaceholderTests {
  @Test func replacesEveryTokenAndKeepsOtherText() {
    let text =
      "a " + Placeholder(kind: .math, index: 3).token + " b "
      + Placeholder(kind: .reference, index: 12).token
    let replaced = Placeholder.replacing(in: text) { "<\($0.kind.rawValue)\($0.index)>" }
    #expect(replaced == "a <m3> b <r12>")
  }

  @Test func leavesBrokenTokensAlone() {
    let text = "x \u{E000}q1\u{E001} \u{E000}m"
    #expect(Placeholder.replacing(in: text) { _ in "!" } == text)
  }
}
