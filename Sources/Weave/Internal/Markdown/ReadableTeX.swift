/// Inline TeX as text a person (or a screen reader) can read, for `alt` text and page titles:
/// `-\log p_\theta(x)` → `−log p_θ(x)`, `\frac{a}{b}` → `(a)/(b)`, spacing and sizing commands dropped.
enum ReadableTeX {
  /// `tex` with commands replaced by the characters they typeset and grouping braces removed.
  static func text(_ tex: String) -> String {
    var output = ""
    var characters = Substring(tex)
    while let character = characters.first {
      characters = characters.dropFirst()
      switch character {
      case "\\": output += command(&characters)
      case "{", "}": continue
      case "-": output += "\u{2212}"
      case "~": output += " "
      default: output.append(character)
      }
    }
    return output.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// The text of the command at the start of `rest` (after its backslash), consuming its name and,
  /// for `\frac` and the font commands, their arguments.
  private static func command(_ rest: inout Substring) -> String {
    let name = String(rest.prefix { $0.isLetter })
    guard !name.isEmpty else {
      // A one-character command: `\,` `\;` `\!` `\ ` are spaces; `\{` `\}` `\|` `\$` `\%` the character.
      guard let symbol = rest.first else { return "" }
      rest = rest.dropFirst()
      return ",;!: ".contains(symbol) ? " " : symbol == "|" ? "‖" : String(symbol)
    }
    rest = rest.dropFirst(name.count)
    if name == "frac" {
      let numerator = argument(&rest)
      let denominator = argument(&rest)
      return "(\(text(numerator)))/(\(text(denominator)))"
    }
    if fonts.contains(name) { return text(argument(&rest)) }
    if let symbol = symbols[name] { return symbol }
    return dropped.contains(name) ? "" : name
  }

  /// The next `{…}` group (or single character) of `rest`, without its braces.
  private static func argument(_ rest: inout Substring) -> String {
    rest = rest.drop { $0 == " " }
    guard rest.first == "{" else {
      let single = rest.prefix(1)
      rest = rest.dropFirst()
      return String(single)
    }
    var depth = 0
    for index in rest.indices {
      if rest[index] == "{" { depth += 1 }
      if rest[index] == "}" { depth -= 1 }
      if depth == 0 {
        let inside = rest[rest.index(after: rest.startIndex)..<index]
        rest = rest[rest.index(after: index)...]
        return String(inside)
      }
    }
    defer { rest = rest.dropFirst(rest.count) }
    return String(rest.dropFirst())
  }

  private static let fonts: Set<String> = [
    "mathrm", "mathit", "mathbf", "mathsf", "mathcal", "mathbb", "text", "textrm", "operatorname",
    "boldsymbol", "mathbfit",
  ]
  private static let dropped: Set<String> = [
    "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle",
    "quad", "qquad", "nonumber", "limits",
  ]
  private static let symbols: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
    "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω", "sum": "Σ", "prod": "∏", "int": "∫", "partial": "∂", "nabla": "∇",
    "infty": "∞", "cdot": "·", "times": "×", "to": "→", "rightarrow": "→", "mapsto": "↦",
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
    "sim": "~", "pm": "±", "in": "∈", "odot": "⊙", "circ": "∘", "dots": "…", "ldots": "…",
    "cdots": "⋯", "lvert": "|", "rvert": "|", "vert": "|", "lVert": "‖", "rVert": "‖",
    "Vert": "‖", "mid": "|", "langle": "⟨", "rangle": "⟩", "log": "log ", "exp": "exp ",
    "det": "det ", "tanh": "tanh ", "max": "max ", "min": "min ", "sqrt": "√",
  ]
}
