/// Every formula of the book typeset at build time, looked up by TeX and mode when pages are written.
/// Empty when the browser typesets the math instead (no Node.js), and then `MathHTML` leaves the TeX
/// for the page script.
struct TypesetMath {
  private struct Key: Hashable {
    var tex: String
    var display: Bool
  }

  private var html: [Key: String] = [:]

  /// Whether formulas were typeset at build time (and the pages need no math script).
  let isPrerendered: Bool

  /// No formulas typeset: the browser does it.
  static let inBrowser = TypesetMath(isPrerendered: false)

  private init(isPrerendered: Bool) { self.isPrerendered = isPrerendered }

  /// Typesets `formulas` (in reading order) with `renderer`; the first formula KaTeX refuses is an
  /// error at its chapter line, with KaTeX's message.
  init(_ formulas: [MathSpan], renderer: KaTeXRenderer) throws(WeaveError) {
    isPrerendered = true
    var unique: [MathSpan] = []
    var seen: Set<Key> = []
    for math in formulas where seen.insert(Key(tex: math.tex, display: math.display)).inserted {
      unique.append(math)
    }
    let outcomes = try renderer.render(unique.map { ($0.tex, $0.display) })
    for (math, outcome) in zip(unique, outcomes) {
      switch outcome {
      case .html(let typeset): html[Key(tex: math.tex, display: math.display)] = typeset
      case .error(let message): throw .mathError(message, tex: math.tex, at: math.location)
      }
    }
  }

  /// KaTeX's HTML for `math`, if it was typeset.
  func html(for math: MathSpan) -> String? {
    html[Key(tex: math.tex, display: math.display)]
  }
}
