import Foundation

/// The page of every named destination in a PDF printed by Chromium: Chromium writes one per element `id`
/// that a link points to, as `/Dests` → `<</name [page 0 R /XYZ x y 0] …>>`, with the pages listed in order
/// by the `/Pages` tree. Reads only that uncompressed structure; a PDF without it gives an empty map.
struct PDFDestinations {
  /// Page number (from 1) of each destination name.
  let pages: [String: Int]

  /// The destinations of the PDF `data`.
  init(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    guard let root = Self.reference(after: "/Pages ", in: text, from: text.range(of: "/Type /Catalog")?.upperBound),
      let destsObject = Self.reference(after: "/Dests ", in: text, from: text.range(of: "/Type /Catalog")?.upperBound),
      let dests = Self.body(ofObject: destsObject, in: text)
    else {
      pages = [:]
      return
    }
    var order: [Int: Int] = [:]
    for (index, object) in Self.leafPages(of: root, in: text).enumerated() { order[object] = index + 1 }
    var pages: [String: Int] = [:]
    let entry = /\/([^\s\[\/<>]+)\s*\[\s*(\d+)\s+0\s+R/
    for match in dests.matches(of: entry) {
      if let object = Int(match.2), let page = order[object] { pages[String(match.1)] = page }
    }
    self.pages = pages
  }

  /// The object number `N` of the first `key N 0 R` after `start`.
  private static func reference(after key: String, in text: String, from start: String.Index?) -> Int? {
    guard let start, let keyRange = text.range(of: key, range: start..<text.endIndex) else { return nil }
    let rest = text[keyRange.upperBound...]
    return rest.prefixMatch(of: /(\d+)\s+0\s+R/).flatMap { Int($0.1) }
  }

  /// The text between `<<` and the matching `>>` of object `number`.
  private static func body(ofObject number: Int, in text: String) -> Substring? {
    guard let header = text.range(of: "\n\(number) 0 obj"),
      let open = text.range(of: "<<", range: header.upperBound..<text.endIndex)
    else { return nil }
    var depth = 0
    var index = open.lowerBound
    while index < text.endIndex {
      let rest = text[index...]
      if rest.hasPrefix("<<") {
        depth += 1
        index = text.index(index, offsetBy: 2)
      } else if rest.hasPrefix(">>") {
        depth -= 1
        index = text.index(index, offsetBy: 2)
        if depth == 0 { return text[open.upperBound..<text.index(index, offsetBy: -2)] }
      } else {
        index = text.index(after: index)
      }
    }
    return nil
  }

  /// The page objects under the page-tree node `number`, in reading order.
  private static func leafPages(of number: Int, in text: String, depth: Int = 0) -> [Int] {
    guard depth < 32, let body = body(ofObject: number, in: text) else { return [] }
    guard body.contains("/Type /Pages"), let kids = body.firstMatch(of: /\/Kids\s*\[([^\]]*)\]/) else {
      return [number]
    }
    return kids.1.matches(of: /(\d+)\s+0\s+R/).compactMap { Int($0.1) }.flatMap {
      leafPages(of: $0, in: text, depth: depth + 1)
    }
  }
}
