import Foundation

/// The one terminal line a rebuild prints: when, what changed, what reran, how long, ✔ or ✘.
///
/// `21:04:13  chapters/02-coupling.md changed · reran chapters/02-coupling.md · 3.42 s ✔`; a failed build
/// adds its failures' places, e.g. `✘ 1 failed: chapters/02-coupling.md:41`.
struct RebuildLine {
  var changed: [String]
  var outcome: RebuildOutcome
  var seconds: Double

  var text: String {
    let clock = Self.clock.string(from: Date())
    let what = changed.isEmpty ? "first build" : Self.list(changed.map(Self.shortPath)) + " changed"
    let reran = outcome.reran.isEmpty ? "nothing reran" : "reran " + Self.list(outcome.reran)
    var line = "\(clock)  \(what) · \(reran) · \(String(format: "%.2f", seconds)) s "
    if outcome.ok {
      line += "✔"
    } else {
      let places = outcome.failures.map { $0.location.isEmpty ? "book error" : $0.location }
      line += "✘ \(outcome.failures.count) failed: " + Self.list(places)
    }
    return line
  }

  private static func list(_ items: [String]) -> String {
    items.count <= 3 ? items.joined(separator: ", ") : items.prefix(3).joined(separator: ", ") + " and \(items.count - 3) more"
  }

  /// `path` relative to the working folder when inside it.
  private static func shortPath(_ path: String) -> String {
    let here = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
  }

  private static let clock: DateFormatter = {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return formatter
  }()
}
