import Foundation

/// Typesets the report's formulas at build time with KaTeX itself, run by Node.js: one `node` process
/// per build reads every formula as a JSON line on standard input and answers one JSON line each, the
/// HTML or KaTeX's parse error. Pages then carry finished math and load no math script.
///
/// Formulas are typeset in reading order and share one macro table, so `\gdef` in one formula is
/// available in the next, as in LaTeX. With a `cacheFile`, formulas typeset by an earlier build are taken from
/// it (`MathCache`), and `node` runs only for new ones: a build whose math did not change starts no `node`.
public struct KaTeXRenderer: Sendable {
  /// The `node` executable.
  public var nodePath: String
  /// KaTeX's CommonJS build, `katex.min.js` of Debian's `libjs-katex`.
  public var katexScript: String
  /// Where typeset formulas are kept between builds (e.g. `.flowbook-cache/math.json`); nil keeps none.
  public var cacheFile: String?

  /// A renderer running `katexScript` with `nodePath`.
  public init(nodePath: String, katexScript: String, cacheFile: String? = nil) {
    self.nodePath = nodePath
    self.katexScript = katexScript
    self.cacheFile = cacheFile
  }

  /// `node` (or `nodejs`) on the `PATH` with KaTeX from `katexDirectory`; nil when either is missing,
  /// and the report falls back to typesetting in the browser.
  public static func find(katexDirectory: String = ReportAssets().katexDirectory) -> KaTeXRenderer? {
    let script = katexDirectory + "/katex.min.js"
    guard FileManager.default.fileExists(atPath: script) else { return nil }
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    for name in ["node", "nodejs"] {
      for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return KaTeXRenderer(nodePath: "\(directory)/\(name)", katexScript: script)
      }
    }
    return nil
  }

  /// One formula's outcome: KaTeX's HTML, or its error message.
  enum Outcome: Equatable {
    case html(String)
    case error(String)
  }

  /// Typesets `formulas` (TeX and display mode) in order, taking those typeset before from the cache; one
  /// outcome per formula.
  func render(_ formulas: [(tex: String, display: Bool)]) throws(WeaveError) -> [Outcome] {
    guard let cacheFile else { return try typeset(formulas) }
    var cache = MathCache(file: cacheFile, renderer: self)
    var keys: [String] = []
    var macros = ""
    for formula in formulas {
      keys.append(MathCache.key(tex: formula.tex, display: formula.display, macros: macros))
      if MathCache.definesMacros(formula.tex) { macros += formula.tex + "\n" }
    }
    var outcomes: [Outcome?] = keys.map { key in cache.html(for: key).map(Outcome.html) }
    // The new formulas, and every macro definition (the new ones may use its macros), typeset in order.
    let needed = formulas.indices.filter { outcomes[$0] == nil || MathCache.definesMacros(formulas[$0].tex) }
    if outcomes.contains(where: { $0 == nil }) {
      for (index, outcome) in zip(needed, try typeset(needed.map { formulas[$0] })) {
        outcomes[index] = outcome
        if case .html(let html) = outcome { cache.store(html, for: keys[index]) }
      }
    }
    cache.save()
    return outcomes.map { $0! }
  }

  /// Typesets `formulas` with one `node` process.
  private func typeset(_ formulas: [(tex: String, display: Bool)]) throws(WeaveError) -> [Outcome] {
    guard !formulas.isEmpty else { return [] }
    var input = Data()
    for formula in formulas {
      let line = try? JSONSerialization.data(
        withJSONObject: ["tex": formula.tex, "display": formula.display], options: [.withoutEscapingSlashes])
      input += (line ?? Data("{}".utf8)) + Data("\n".utf8)
    }
    let output = try run(input: input)
    let lines = output.split(separator: UInt8(ascii: "\n"))
    guard lines.count == formulas.count else {
      throw .mathRendererFailed(reason: "KaTeX answered \(lines.count) of \(formulas.count) formulas")
    }
    return try lines.map { line throws(WeaveError) in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: String] else {
        throw .mathRendererFailed(reason: "KaTeX answered something that is not JSON")
      }
      if let html = object["html"] { return .html(html) }
      return .error(object["error"] ?? "unknown KaTeX error")
    }
  }

  private func run(input: Data) throws(WeaveError) -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: nodePath)
    process.arguments = ["-e", Self.driver, katexScript]
    let standardInput = Pipe()
    let standardOutput = Pipe()
    let standardError = Pipe()
    process.standardInput = standardInput
    process.standardOutput = standardOutput
    process.standardError = standardError
    do { try process.run() } catch {
      throw .mathRendererFailed(reason: "cannot start \(nodePath): \(error)")
    }
    // Written from another thread: node answers while it still reads, and a full pipe would block both.
    let writer = DispatchGroup()
    DispatchQueue.global().async(group: writer) {
      try? standardInput.fileHandleForWriting.write(contentsOf: input)
      try? standardInput.fileHandleForWriting.close()
    }
    let errors = PipeReader(standardError)
    let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
    writer.wait()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw .mathRendererFailed(reason: errors.text().trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return output
  }

  /// The Node.js program: formulas in as JSON lines, `{"html"}` or `{"error"}` out, one line each.
  static let driver = #"""
    "use strict";
    const katex = require(process.argv[1]);
    const macros = {};
    const answers = [];
    for (const line of require("fs").readFileSync(0, "utf8").split("\n")) {
      if (line === "") continue;
      const formula = JSON.parse(line);
      try {
        const html = katex.renderToString(formula.tex, {
          displayMode: formula.display, throwOnError: true, macros: macros
        });
        answers.push(JSON.stringify({ html: html }));
      } catch (error) {
        answers.push(JSON.stringify({ error: String(error.message || error) }));
      }
    }
    process.stdout.write(answers.join("\n") + "\n");
    """#
}
