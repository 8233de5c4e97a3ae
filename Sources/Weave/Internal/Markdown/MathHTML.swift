/// The HTML of a formula: KaTeX's output when `typeset` holds it (math typeset at build time), otherwise
/// the TeX, escaped, for the page script to typeset in the browser. Either way in an element whose
/// class says inline or display, so nothing else in the page is ever read as math.
enum MathHTML {
  /// `<span class="math inline|display">…</span>`; a numbered display equation is wrapped with its
  /// anchor `id` and its number, e.g. "(3)", beside it.
  static func html(_ math: MathSpan, number: String? = nil, typeset: TypesetMath) -> String {
    let kind = math.display ? "display" : "inline"
    let content = typeset.html(for: math) ?? math.tex.htmlEscaped
    let formula = "<span class=\"math \(kind)\">\(content)</span>"
    guard math.display, let label = math.label else { return formula }
    let numberHTML = number.map { "<span class=\"equation-number\">\($0.htmlEscaped)</span>" } ?? ""
    return "<span class=\"equation\" id=\"\(label.htmlEscaped)\">\(formula)\(numberHTML)</span>"
  }
}
