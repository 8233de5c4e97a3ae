import Foundation

/// Makes the element ids in a Cairo SVG unique per figure.
///
/// Cairo names glyphs and clip paths `glyph0-1`, `clip1`, … in every file, so two SVGs inlined in one
/// HTML page would draw each other's glyphs. Prefixing every id (and every `#id` reference) with a
/// hash of the document keeps ids stable for the same figure and distinct for different ones.
enum SVGIdentifiers {
  static func prefixed(_ svg: Data) -> Data {
    let prefix = "fb" + String(fnv1a(svg), radix: 16) + "-"
    var text = String(decoding: svg, as: UTF8.self)
    for (pattern, replacement) in [("id=\"", "id=\"" + prefix), ("href=\"#", "href=\"#" + prefix), ("url(#", "url(#" + prefix)] {
      text = text.replacingOccurrences(of: pattern, with: replacement)
    }
    return Data(text.utf8)
  }

  /// 32-bit FNV-1a: tiny, fast and stable across runs and platforms (unlike `Hasher`).
  static func fnv1a(_ data: Data) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in data {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    return hash
  }
}
