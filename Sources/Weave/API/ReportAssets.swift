import Foundation

/// The files every page loads, all copied into `output/assets/` so the report opens from disk with no
/// network: KaTeX (script, stylesheet, fonts) from Debian's `libjs-katex`, highlight.js (which has
/// Swift) from `libjs-highlight.js`, and FlowBook's own stylesheet and page script.
public struct ReportAssets: Sendable {
  /// Where `libjs-katex` installs KaTeX.
  public var katexDirectory: String
  /// Where `libjs-highlight.js` installs highlight.js.
  public var highlightDirectory: String

  /// Assets from the given folders (the Debian locations by default).
  public init(
    katexDirectory: String = "/usr/share/javascript/katex",
    highlightDirectory: String = "/usr/share/javascript/highlight.js"
  ) {
    self.katexDirectory = katexDirectory
    self.highlightDirectory = highlightDirectory
  }

  static let katexStylesheet = "assets/katex/katex.min.css"
  static let katexScript = "assets/katex/katex.min.js"
  static let highlightScript = "assets/highlight/highlight.min.js"
  static let stylesheet = "assets/flowbook.css"
  static let pageScript = "assets/flowbook.js"

  /// Report path → file for every asset; fails naming the Debian package when one is missing.
  public func files() throws(WeaveError) -> [String: ReportFile] {
    var files: [String: ReportFile] = [
      Self.stylesheet: .data(Data(Stylesheet.source.utf8)),
      Self.pageScript: .data(Data(PageScript.source.utf8)),
    ]
    let copies = [
      (Self.katexStylesheet, katexDirectory + "/katex.min.css", "libjs-katex"),
      (Self.katexScript, katexDirectory + "/katex.min.js", "libjs-katex"),
      (Self.highlightScript, highlightDirectory + "/highlight.min.js", "libjs-highlight.js"),
    ]
    for (destination, source, package) in copies {
      guard FileManager.default.fileExists(atPath: source) else {
        throw .missingAsset(path: source, package: package)
      }
      files[destination] = .copy(from: source)
    }
    // katex.min.css loads its fonts from fonts/ beside it.
    let fonts = katexDirectory + "/fonts"
    guard let fontNames = try? FileManager.default.contentsOfDirectory(atPath: fonts),
      !fontNames.isEmpty
    else {
      throw .missingAsset(path: fonts, package: "libjs-katex")
    }
    for name in fontNames where name.hasPrefix("KaTeX_") {
      files["assets/katex/fonts/" + name] = .copy(from: fonts + "/" + name)
    }
    return files
  }
}
