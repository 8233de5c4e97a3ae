/// Parsing of `//| key: value` option lines and of option defaults in YAML.
extension CellOptions {
  /// The option keys a cell, a chapter's front matter or `book.yml`'s `defaults` may set.
  public static let keys = [
    "label", "echo", "eval", "output", "fig-cap", "error", "timeout", "code-fold", "output-lines", "memory", "depends",
    "export",
  ]

  /// Sets option `key` from its text `value`; throws a message naming the key and the accepted values.
  mutating func set(_ key: String, to rawValue: String) throws(OptionError) {
    let value = Self.unquoted(rawValue)
    switch key {
    case "label":
      guard value.wholeMatch(of: Self.labelPattern) != nil else {
        throw OptionError("label '\(value)' must start with a letter and hold only letters, digits, - and _")
      }
      // Only fig- and tbl- labels are numbered and referable; any other label would lose its caption silently.
      guard value.hasPrefix("fig-") || value.hasPrefix("tbl-") else {
        throw OptionError(
          "label '\(value)' needs a prefix: fig-\(value) for a figure, tbl-\(value) for a table (so @fig-\(value) refers to it)"
        )
      }
      label = value
    case "echo": echo = try Self.bool(key, value)
    case "eval": eval = try Self.bool(key, value)
    case "output": output = try Self.bool(key, value)
    case "error": expectsError = try Self.bool(key, value)
    case "export": export = try Self.bool(key, value)
    case "fig-cap":
      guard !value.isEmpty else { throw OptionError("fig-cap needs a caption") }
      figureCaption = value
    case "timeout":
      guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
        throw OptionError("timeout must be a positive number of seconds, not '\(value)'")
      }
      timeout = seconds
    case "memory":
      guard let bytes = Self.bytes(value) else {
        throw OptionError("memory must be a size such as 512MB or 4GB, not '\(value)'")
      }
      memory = bytes
    case "depends":
      let patterns = Self.list(value)
      guard !patterns.isEmpty else {
        throw OptionError("depends needs files or globs, e.g. depends: [data/points.csv]")
      }
      for pattern in patterns where pattern.hasPrefix("/") || pattern.split(separator: "/").contains("..") {
        throw OptionError("depends: '\(pattern)' must be a path inside the book folder, relative to it")
      }
      depends = patterns
    case "output-lines":
      guard let lines = Int(value), lines > 0 else {
        throw OptionError("output-lines must be a positive number of lines, not '\(value)'")
      }
      outputLines = lines
    case "code-fold":
      switch value {
      case "true": codeFold = .folded
      case "false": codeFold = .none
      case "show": codeFold = .open
      default: throw OptionError("code-fold must be true, false or show, not '\(value)'")
      }
    default:
      throw OptionError("unknown cell option '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
    }
  }

  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let labelPattern = /[A-Za-z][A-Za-z0-9_-]*/
  nonisolated(unsafe) private static let byteCount = /([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)B/.ignoresCase()

  /// `512MB`, `4GB`, `1.5 GB` (units of 1024) → bytes; `nil` for anything else or zero.
  static func bytes(_ text: String) -> UInt64? {
    guard let match = text.wholeMatch(of: Self.byteCount),
      let number = Double(match.1)
    else { return nil }
    let exponent = ["": 0, "K": 1, "M": 2, "G": 3, "T": 4][match.2.uppercased()] ?? 0
    let bytes = number * Double(UInt64(1) << (10 * UInt64(exponent)))
    return bytes >= 1 && bytes < 1e19 ? UInt64(bytes) : nil
  }

  /// `[a, "b"]` or `a` → the values, unquoted.
  private static func list(_ text: String) -> [String] {
    guard text.hasPrefix("["), text.hasSuffix("]") else { return text.isEmpty ? [] : [text] }
    return text.dropFirst().dropLast().split(separator: ",").map { unquoted(String($0)) }.filter { !$0.isEmpty }
  }

  private static func bool(_ key: String, _ value: String) throws(OptionError) -> Bool {
    switch value {
    case "true": return true
    case "false": return false
    default: throw OptionError("\(key) must be true or false, not '\(value)'")
    }
  }

  private static func unquoted(_ value: String) -> String {
    let trimmed = value.trimmed
    for quote in ["\"", "'"] where trimmed.count >= 2 && trimmed.hasPrefix(quote) && trimmed.hasSuffix(quote) {
      return String(trimmed.dropFirst().dropLast())
    }
    return trimmed
  }
}

/// Why an option value was refused; the caller adds the file and line.
struct OptionError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
