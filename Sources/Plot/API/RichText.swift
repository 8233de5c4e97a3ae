/// A label split into runs on the baseline, lowered (subscript) or raised (superscript).
///
/// FlowBook labels use a small TeX-like markup instead of Pango, on purpose: Cairo's own text API
/// with DejaVu Sans already draws Greek and math symbols, the markup covers what axis labels need,
/// and it keeps the renderer free of another system library (fewer moving parts, byte-stable output).
///
/// - `x_1`, `z^2`: the next character is lowered/raised; `x_{10}`, `e^{-x}` for several characters.
/// - `\alpha` … `\omega`, `\Gamma` … `\Omega` and `\nabla \partial \sim \times \cdot \to \infty
///   \approx \le \ge \pm` become their Unicode symbols; Unicode may also be typed directly (`p_θ(x)`).
/// - `\_`, `\^`, `\\`, `\{`, `\}` are literal characters.
public struct RichText: Sendable, Hashable {
  /// Where a run sits relative to the baseline.
  public enum Position: Sendable, Hashable { case base, lowered, raised }

  /// A stretch of text drawn at one position.
  public struct Run: Sendable, Hashable {
    /// The characters of the run.
    public var text: String
    /// Whether the run is on, below or above the baseline.
    public var position: Position
  }

  /// The runs in reading order; adjacent runs never share a position.
  public private(set) var runs: [Run] = []

  /// Parses label markup (see the type's documentation).
  public init(markup: String) {
    var characters = Substring(markup)
    while let c = characters.popFirst() {
      switch c {
      case "\\": append(Self.escape(&characters), .base)
      case "_", "^":
        let position: Position = c == "_" ? .lowered : .raised
        if characters.first == "{" {
          characters.removeFirst()
          var group = ""
          while let g = characters.popFirst(), g != "}" {
            group += g == "\\" ? Self.escape(&characters) : String(g)
          }
          append(group, position)
        } else if let next = characters.popFirst() {
          append(next == "\\" ? Self.escape(&characters) : String(next), position)
        } else {
          append(String(c), .base)
        }
      default: append(String(c), .base)
      }
    }
  }

  /// The text without markup, e.g. for accessibility titles.
  public var plainText: String { runs.map(\.text).joined() }

  private mutating func append(_ text: String, _ position: Position) {
    guard !text.isEmpty else { return }
    if let last = runs.last, last.position == position {
      runs[runs.count - 1].text += text
    } else {
      runs.append(Run(text: text, position: position))
    }
  }

  /// Reads what follows a backslash: a command name (letters) or one literal character.
  private static func escape(_ characters: inout Substring) -> String {
    let name = characters.prefix { $0.isLetter && $0.isASCII }
    guard !name.isEmpty else { return characters.popFirst().map(String.init) ?? "\\" }
    guard let symbol = symbols[String(name)] else { return "\\" }
    characters.removeFirst(name.count)
    if characters.first == " " { characters.removeFirst() }
    return symbol
  }

  private static let symbols: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η",
    "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π",
    "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "nabla": "∇", "partial": "∂", "sim": "∼", "times": "×",
    "cdot": "·", "to": "→", "infty": "∞", "approx": "≈", "le": "≤", "ge": "≥", "pm": "±",
  ]
}
