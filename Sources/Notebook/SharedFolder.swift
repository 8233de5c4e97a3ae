import CellProtocol
import Foundation

/// The folder the chapters of one build share (`Build.sharedDirectory`), keyed on what its contents depend on.
///
/// `<cache>/shared/<base>-<values>`: `base` covers the compiler, profile, seed and the library modules the
/// chapters import; `values` the `-P` parameters the book's shared source was seen to read, with their values.
/// Those names are recorded in `<cache>/shared/<base>.parameters` after each build (`settle`), the way a chapter's
/// cache entry records the parameters its cells read. So `-P glow-steps=200` read only by one chapter's cells keeps
/// the folder and everything trained in it, while `-P moons-steps=200`, read by the shared recipe, gets a folder of
/// its own. A cell that stores something there which depends on a parameter the cell itself reads names it by that
/// value, as `TrainedFlowCache` names a flow by its whole recipe.
struct SharedFolder: Sendable {
  /// `<cache>/shared/<base>`, the common part of every folder of these settings.
  let base: String
  /// The parameters the shared source was seen to read (`*`: all of them), as recorded before this build.
  let recorded: Set<String>
  /// The folder for this build's parameters.
  let path: String

  /// The folder for `parameters`, under `base`, keyed on the recorded names.
  init(base: String, parameters: [String: String]) {
    self.base = base
    let text = (try? String(contentsOfFile: base + ".parameters", encoding: .utf8)) ?? ""
    recorded = Set(text.split(separator: "\n").map(String.init))
    path = Self.path(base: base, names: recorded, parameters: parameters)
  }

  /// Records `read`, the parameters the shared source read during this build. When it read one not recorded yet,
  /// this build's folder was made with that value, so it moves to the folder named with it.
  func settle(read: Set<String>, parameters: [String: String]) {
    let names = recorded.union(read)
    guard names != recorded else { return }
    let fileManager = FileManager.default
    let destination = Self.path(base: base, names: names, parameters: parameters)
    if fileManager.fileExists(atPath: path) {
      if fileManager.fileExists(atPath: destination) {
        try? fileManager.removeItem(atPath: path)
      } else {
        try? fileManager.moveItem(atPath: path, toPath: destination)
      }
    }
    try? fileManager.createDirectory(
      atPath: (base as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? names.sorted().joined(separator: "\n").write(toFile: base + ".parameters", atomically: true, encoding: .utf8)
  }

  /// `base-<hash>`, the hash of the values of `names` (every parameter, for `*`) in `parameters`.
  private static func path(base: String, names: Set<String>, parameters: [String: String]) -> String {
    let keyed = names.contains("*") ? names.union(parameters.keys) : names
    // An absent parameter is written without `=`, so it differs from one given as empty.
    let text = keyed.sorted().map { name in parameters[name].map { "\(name)=\($0)" } ?? name }
    var hasher = StableHasher()
    hasher.combine(text.joined(separator: "\n"))
    return base + "-" + hasher.hexDigest
  }
}
