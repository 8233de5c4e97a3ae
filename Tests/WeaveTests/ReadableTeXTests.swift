import Testing

@testable import Weave

/// Alt text and page titles read math as text, not as TeX source.
@Suite struct ReadableTeXTests {
  @Test(arguments: [
    ("a(x) = -\\log p_\\theta(x)", "a(x) = −log p_θ(x)"),
    ("\\frac{\\partial y_j}{\\partial x_k}", "(∂ y_j)/(∂ x_k)"),
    ("\\mathcal{N}(0, I_2)", "N(0, I_2)"),
    ("\\log\\lvert\\det J\\rvert = \\sum_j s_j", "log |det J| = Σ_j s_j"),
    ("\\big(x\\,\\big)", "(x )"),
    ("\\mathrm{KL}(p \\Vert q)", "KL(p ‖ q)"),
    ("\\unknown x", "unknown x"),
  ])
  func readsMathAsText(tex: String, expected: String) {
    #expect(ReadableTeX.text(tex) == expected)
  }
}
