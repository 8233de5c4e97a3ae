import Foundation

/// The one terminal line a rebuild prints: when, what changed, what reran, how long, ✔ or ✘.
///
/// `21:04:13  chapters/02-coupling.md changed · reran chapters/02-coupling.md · 3.42 s ✔`; a failed build
/// adds its failures' places, e.g. `✘ 1 failed: chapters/02-coupling.md:41` (and a book error's message, which
/// names its own place, on the lines below); warnings follow, e.g.
/// `· 1 warning: chapters/extra.md`.
struct RebuildLine {
  /// The book folder; changed paths inside it are shown relative to it.
  var bookDirectory: String
  var changed: [String]
  var outcome: RebuildOutcome
  var seconds: Double

  var text: String {
    let clock = Self.clock.string(from: Date())
    let what = changed.isEmpty ? "first build" : Self.list(changed.map(shortPath)) + " changed"
    let reran = outcome.reran.isEmpty ? "nothing reran" : "reran " + Self.list(outcome.reran)
    var line = "\(clock)  \(what) · \(reran) · \(String(format: "%.2f", seconds)) s "
    if outcome.ok {
      line += "✔"
    } else {
      let places = outcome.failures.map { $0.location.isEmpty ? "book error" : $0.location }
      line += "✘ \(outcome.failures.count) failed: " + Self.list(places)
    }
    if !outcome.warnings.isEmpty {
      let places = outcome.warnings.map { $0.location.isEmpty ? "build" : $0.location }
      line += " · \(outcome.warnings.count) warning\(outcome.warnings.count == 1 ? "" : "s"): " + Self.list(places)
    }
    // A book error's message names its own `file:line`: the terminal shows it, not just "book error".
    for failure in outcome.failures where failure.location.isEmpty {
      line += "\n  " + failure.message.replacingOccurrences(of: "\n", with: "\n  ")
    }
    return line
  }

  private static func list(_ items: [String]) -> String {
    items.count <= 3
      ? items.joined(separator: ", ") : items.prefix(3).joined(separator: ", ") + " and \(items.count - 3) more"
  }

  /// `path` relative to the book (`chapters/01-intro.md`), else to the working folder, else as it is.
  private func shortPath(_ path: String) -> String {
    for folder in [bookDirectory, FileManager.default.currentDirectoryPath] where path.hasPrefix(folder + "/") {
      return String(path.dropFirst(folder.count + 1))
    }
    return path
  }

  private static let clock: DateFormatter = {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return formatter
  }()
}
