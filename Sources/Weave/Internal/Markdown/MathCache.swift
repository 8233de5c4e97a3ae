import Foundation

/// KaTeX's HTML for formulas typeset by earlier builds, kept in one JSON file (in the book's cache), so a build
/// starts `node` only for formulas it has not typeset before, and a build whose formulas did not change
/// starts none.
///
/// A formula's HTML depends on its TeX, its mode, and the macros that earlier formulas defined globally
/// (`\gdef`, as in LaTeX): the key holds all three, the macros as the TeX of every defining formula before
/// it. The file also names the KaTeX script (its size and modification time) and the driver it was made with;
/// a file from another KaTeX, or one that does not read, is simply not used. Entries no build used are dropped.
struct MathCache {
  private let file: String
  private let identity: String
  private var entries: [String: String] = [:]
  private var used: [String: String] = [:]

  /// Whether `tex` may change the macros later formulas see: it holds a defining command (`\gdef`, but not
  /// `\left` for `\let`). A plain scan: a regex would be parsed anew for each of the book's formulas.
  static func definesMacros(_ tex: String) -> Bool {
    let commands = ["gdef", "xdef", "global", "def", "edef", "newcommand", "renewcommand", "providecommand", "let"]
    var rest = tex[...]
    while let backslash = rest.firstIndex(of: "\\") {
      let name = rest[rest.index(after: backslash)...].prefix { $0.isLetter }
      if commands.contains(String(name)) { return true }
      rest = rest[name.endIndex...]
      if rest.first == "\\" { rest = rest.dropFirst() }
    }
    return false
  }

  /// The cache in `file` for formulas typeset by `renderer`.
  init(file: String, renderer: KaTeXRenderer) {
    self.file = file
    let script = try? FileManager.default.attributesOfItem(atPath: renderer.katexScript)
    let size = (script?[.size] as? NSNumber)?.intValue ?? 0
    let modified = (script?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    identity = "\(renderer.katexScript) \(size) \(modified)\n\(KaTeXRenderer.driver)"
    guard let data = FileManager.default.contents(atPath: file),
      let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.identity == identity
    else { return }
    entries = stored.entries
  }

  /// The key of a formula typeset after the macro definitions `macros`.
  static func key(tex: String, display: Bool, macros: String) -> String {
    (display ? "display\n" : "inline\n") + macros + "\u{1}" + tex
  }

  /// The HTML stored under `key`, noted as used by this build.
  mutating func html(for key: String) -> String? {
    guard let html = entries[key] else { return nil }
    used[key] = html
    return html
  }

  /// Stores `html` under `key`.
  mutating func store(_ html: String, for key: String) {
    used[key] = html
  }

  /// Writes the entries this build used (replacing the file atomically); a cache that cannot be written is
  /// only slower next time.
  func save() {
    guard used != entries, let data = try? JSONEncoder().encode(Stored(identity: identity, entries: used)) else {
      return
    }
    try? FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
  }

  private struct Stored: Codable {
    var identity: String
    var entries: [String: String]
  }
}
