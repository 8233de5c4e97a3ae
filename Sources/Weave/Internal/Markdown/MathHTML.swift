/// The HTML that carries a formula to KaTeX in the browser: the TeX, escaped, in an element whose
/// class says inline or display. The page script typesets exactly these elements, so nothing else in
/// the page is ever read as math.
enum MathHTML {
  /// `<span class="math inline|display">tex</span>`; a numbered display equation is wrapped with its
  /// anchor `id` and its number, e.g. "(3)", beside it.
  static func html(_ math: MathSpan, number: String? = nil) -> String {
    let kind = math.display ? "display" : "inline"
    let formula = "<span class=\"math \(kind)\">\(math.tex.htmlEscaped)</span>"
    guard math.display, let label = math.label else { return formula }
    let numberHTML = number.map { "<span class=\"equation-number\">\($0.htmlEscaped)</span>" } ?? ""
    return "<span class=\"equation\" id=\"\(label.htmlEscaped)\">\(formula)\(numberHTML)</span>"
  }
}
