import Foundation

/// The crashed thread's frames from the Swift runtime's backtracer (`SWIFT_BACKTRACE=…,format=json`), which
/// the chapter program writes to standard error when it traps.
///
/// Cells and the book's shared source compile with line tables and `#sourceLocation`, so their frames carry
/// chapter locations (`chapters/x.md:14:9`); the library's frames carry its function names.
struct CrashReport {
  /// One frame, innermost first.
  struct Frame: Equatable {
    /// The function, e.g. `Flow.sample(_:seed:)`, or the runtime failure, e.g.
    /// `Swift runtime failure: arithmetic overflow`.
    var function: String
    /// The file the image was loaded from, e.g. `libFlowBookKit.so` or `chapter`.
    var image: String
    var file: String?
    var line: Int?
    var column: Int?
    /// A trap the compiler inserted (overflow, division by zero), named by `function`.
    var isRuntimeFailure = false
    /// Part of the Swift runtime or standard library, not the user's or FlowBook's code.
    var isSystem = false
  }

  /// The `SWIFT_BACKTRACE` setting under which the chapter program writes such a report: only the crashed
  /// thread, no registers or images, as one JSON line on standard error, with nothing to wait for.
  static let environmentValue =
    "enable=yes,interactive=no,color=no,format=json,output-to=stderr,threads=crashed,registers=none,images=none,"
    + "sanitize=no,limit=128,top=32"

  /// What the report says the trap was (e.g. `Illegal instruction`).
  var description: String
  var frames: [Frame]

  /// The report inside `standardError`, or `nil` when there is none (the program did not trap, or was killed).
  init?(standardError: String) {
    guard let start = standardError.range(of: "{ \"timestamp\"") ?? standardError.range(of: "{\"timestamp\"")
    else { return nil }
    let line = standardError[start.lowerBound...].prefix { $0 != "\n" }
    guard let report = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
      let threads = report["threads"] as? [[String: Any]],
      let thread = threads.first(where: { $0["crashed"] as? Bool == true }) ?? threads.first,
      let frames = thread["frames"] as? [[String: Any]]
    else { return nil }
    description = report["description"] as? String ?? ""
    self.frames = frames.compactMap(Self.frame)
  }

  /// The text standard error holds before the report (the runtime's `Fatal error: …` message).
  static func message(in standardError: String) -> String {
    var text = standardError
    for marker in ["\n*** Signal ", "*** Signal ", "Current stack trace:", "{ \"timestamp\""] {
      if let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
    }
    return text
  }

  private static func frame(_ object: [String: Any]) -> Frame? {
    guard let description = object["description"] as? String ?? object["symbol"] as? String else { return nil }
    let location = object["sourceLocation"] as? [String: Any]
    var file = location?["file"] as? String
    if file == "//<compiler-generated>" || file?.isEmpty == true { file = nil }
    let line = location?["line"] as? Int
    return Frame(
      function: function(in: description), image: object["image"] as? String ?? "", file: file,
      line: line == 0 ? nil : line, column: (location?["column"] as? Int).flatMap { $0 == 0 ? nil : $0 },
      isRuntimeFailure: object["runtimeFailure"] as? Bool == true, isSystem: object["system"] as? Bool == true)
  }

  /// `specialized Flow.sample(_:seed:) + 123` → `Flow.sample(_:seed:)`.
  private static func function(in description: String) -> String {
    var name = description
    if let plus = name.range(of: " + ", options: .backwards) { name = String(name[..<plus.lowerBound]) }
    for prefix in ["specialized ", "static "] where name.hasPrefix(prefix) {
      name = String(name.dropFirst(prefix.count))
    }
    return name
  }
}
