import Foundation

/// The results of one benchmark, in the order they were measured, printed as aligned text or as
/// one JSON object (`--json`) for scripts and the README.
struct BenchReport {
  /// One measured or descriptive value.
  enum Value {
    case number(Double)
    case integer(Int)
    case text(String)

    /// The value as plain text (strings unquoted).
    var text: String {
      if case .text(let value) = self { return value }
      return json
    }

    /// The value as a JSON literal.
    var json: String {
      switch self {
      case .number(let value): value.isFinite ? String(format: "%.4g", value) : "null"
      case .integer(let value): "\(value)"
      case .text(let value):
        "\""
          + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\"") + "\""
      }
    }
  }

  private(set) var entries: [(key: String, value: Value)] = []

  /// Adds `key` (snake_case, with its unit as suffix, e.g. `sgemm_ms`).
  mutating func add(_ key: String, _ value: Value) { entries.append((key, value)) }

  /// `{"key": value, …}` on one line.
  var json: String {
    "{" + entries.map { "\"\($0.key)\": \($0.value.json)" }.joined(separator: ", ") + "}"
  }

  /// One `key  value` line per entry.
  var text: String {
    let width = entries.map(\.key.count).max() ?? 0
    return entries.map {
      $0.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.value.text
    }
    .joined(separator: "\n")
  }
}

/// The median wall time of `body` in milliseconds over `repetitions` runs, after `warmUp` unmeasured runs.
func medianMilliseconds(repetitions: Int, warmUp: Int = 10, _ body: () -> Void) -> Double {
  for _ in 0..<warmUp { body() }
  let clock = ContinuousClock()
  let times = (0..<max(repetitions, 1)).map { _ in
    let duration = clock.measure(body)
    return Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds)
      * 1e-15
  }.sorted()
  return times[times.count / 2]
}
