import Foundation

/// One-line JSON output for `--json` flags: keys sorted, so lines are stable and diffable.
enum JSONLine {
  /// `object` as a single line of JSON; non-finite numbers become `null`.
  static func encode(_ object: [String: Any]) throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: sanitised(object), options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }

  private static func sanitised(_ value: Any) -> Any {
    switch value {
    case let number as Double: return number.isFinite ? number : NSNull()
    case let number as Float: return number.isFinite ? Double(number) : NSNull()
    case let dictionary as [String: Any]: return dictionary.mapValues(sanitised)
    case let array as [Any]: return array.map(sanitised)
    default: return value
    }
  }
}
