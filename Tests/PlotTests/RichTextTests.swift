import Testing

@testable import Plot

@Suite struct RichTextTests {
  private func runs(_ markup: String) -> [String] {
    RichText(markup: markup).runs.map { run in
      switch run.position {
      case .base: run.text
      case .lowered: "_" + run.text
      case .raised: "^" + run.text
      }
    }
  }

  @Test func singleCharacterAndGroupedScripts() {
    #expect(runs("x_1") == ["x", "_1"])
    #expect(runs("z^2 + x_{10}") == ["z", "^2", " + x", "_10"])
    #expect(runs("e^{-x}") == ["e", "^-x"])
  }

  @Test func greekCommandsAndTypedUnicode() {
    #expect(runs("p_\\theta(x)") == ["p", "_θ", "(x)"])
    #expect(runs("p_θ(x)") == ["p", "_θ", "(x)"])
    #expect(runs("\\sigma^2 \\to \\infty") == ["σ", "^2", " →∞"])
  }

  @Test func escapesAndUnknownCommandsStayLiteral() {
    #expect(runs("loss\\_train") == ["loss_train"])
    #expect(runs("\\foo") == ["\\foo"])
    #expect(runs("trailing_") == ["trailing_"])
    #expect(RichText(markup: "a_{bc}d").plainText == "abcd")
  }
}
