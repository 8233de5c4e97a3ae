import Foundation

/// Maps a request path to a file of the served folder, refusing anything that could leave it.
///
/// The path is percent-decoded first, so `/%2e%2e/`, `/%2E%2E%2F` and `/..%2f` are seen as the `..` they
/// are; any `..` segment, NUL or backslash is refused outright, and the resolved file (symbolic links
/// followed) must still lie inside the folder. A folder is served as its `index.html`, never as a listing.
struct StaticFiles: Sendable {
  /// Why a path gets no file.
  enum Refusal: Error, Equatable {
    /// The path tries to leave the folder (403).
    case forbidden
    /// Nothing there (404).
    case notFound
  }

  /// The served folder (the book's `output/`), resolved anew for every request, since a build swaps
  /// a new folder in under the same name.
  let root: String

  /// The file for the raw (still percent-encoded) request `path`.
  func file(for path: String) throws(Refusal) -> String {
    guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
      throw .forbidden
    }
    let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
    guard !segments.contains(where: { $0 == ".." }) else { throw .forbidden }
    let base = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    var target = URL(fileURLWithPath: ([base] + segments.map(String.init)).joined(separator: "/"))
      .resolvingSymlinksInPath().path
    guard target == base || target.hasPrefix(base + "/") else { throw .forbidden }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { throw .notFound }
    if isDirectory.boolValue {
      target += "/index.html"
      guard FileManager.default.fileExists(atPath: target) else { throw .notFound }
    }
    return target
  }

  /// The `Content-Type` for a file name.
  static func contentType(of path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "html": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js": "text/javascript; charset=utf-8"
    case "json": "application/json"
    case "svg": "image/svg+xml"
    case "png": "image/png"
    case "pdf": "application/pdf"
    case "woff2": "font/woff2"
    case "woff": "font/woff"
    case "ttf": "font/ttf"
    default: "application/octet-stream"
    }
  }

  /// The page served in place of any page while `output/` holds no report yet (the first build failed): the
  /// preview script shows the failures over it and reloads it after the first good build.
  static let placeholderPage = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><meta name="flowbook-placeholder" content="">
    <title>FlowBook preview: no report yet</title></head>
    <body style="font:15px/1.5 system-ui,sans-serif;margin:30vh auto;max-width:40em;color:#444">
    <p>No report yet: the first build did not finish. Fix what the terminal (and the box above) names and save;
    this page reloads after the first good build.</p></body></html>

    """

  /// `html` with the preview script's tag added at the end of its `<head>` (or, lacking one, at the end);
  /// only the response is changed, never the file on disk.
  static func injectingScript(into html: String) -> String {
    let tag = "<script src=\"\(PreviewScript.path)\" defer></script>\n"
    if let head = html.range(of: "</head>") {
      return html.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: tag)
    }
    return html + tag
  }
}
