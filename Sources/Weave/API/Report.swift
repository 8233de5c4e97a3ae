import Foundation

/// One file of the report: bytes made by weaving, or a file on disk to copy (a figure, a KaTeX font).
public enum ReportFile: Sendable, Equatable {
  case data(Data)
  case copy(from: String)
}

/// The report in memory: every file, by its path inside `output/`. Nothing is written until a
/// consumer such as `ReportWriter` writes it, so tests read pages straight from here.
public struct Report: Sendable {
  /// Path inside the report (`index.html`, `figures/02-flows/fig-1.svg`, `assets/…`) → file.
  public var files: [String: ReportFile]

  /// Collects `files`.
  public init(files: [String: ReportFile]) {
    self.files = files
  }

  /// The text of a file made by weaving, e.g. `text("index.html")`; nil for copies and missing paths.
  public func text(_ path: String) -> String? {
    guard case .data(let data) = files[path] else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// The HTML pages of the report, sorted.
  public var pagePaths: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }
}
