import Foundation

/// Makes the element ids in a Cairo SVG stable and unique per figure.
///
/// Cairo names images after a process-wide surface counter (`image12`), so the same figure drawn twice
/// in one process would differ; and it names glyphs `glyph0-1` in every file, so two SVGs inlined in one
/// HTML page would draw each other's glyphs. Ids are therefore renumbered in order of first appearance
/// (stable), then prefixed with a hash of the renumbered document (distinct between figures).
enum SVGIdentifiers {
  /// The places an id is defined or referenced in Cairo's SVG output.
  private static let openers = ["id=\"", "href=\"#", "url(#"].map { Array($0.utf8) }

  static func prefixed(_ svg: Data) -> Data {
    var names: [ArraySlice<UInt8>: [UInt8]] = [:]
    let renumbered = rewrite(Array(svg)) { old in
      if let name = names[old] { return name }
      let name = Array("i\(names.count)".utf8)
      names[old] = name
      return name
    }
    let prefix = Array("fb\(String(fnv1a(renumbered), radix: 16))-".utf8)
    return Data(rewrite(renumbered) { prefix + $0 })
  }

  /// Copies `bytes`, passing every id after an opener through `rename`. Text between ids is copied in
  /// bulk; only bytes that can start an opener (`i`, `h`, `u`) are looked at closely. The scan goes through
  /// a pointer with `while`: in a debug build, array subscripts and iterators cost ~10× the comparisons.
  private static func rewrite(_ bytes: [UInt8], rename: (ArraySlice<UInt8>) -> [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 16)
    var copied = 0
    let (i0, h0, u0, quote, parenthesis) = (
      UInt8(ascii: "i"), UInt8(ascii: "h"), UInt8(ascii: "u"), UInt8(ascii: "\""), UInt8(ascii: ")")
    )
    bytes.withUnsafeBufferPointer { buffer in
      guard let p = buffer.baseAddress else { return }
      let count = buffer.count
      var i = 0
      while i < count {
        let byte = p[i]
        guard byte == i0 || byte == h0 || byte == u0,
          let opener = openers.first(where: { starts(buffer, at: i, with: $0) })
        else {
          i += 1
          continue
        }
        i += opener.count
        output += buffer[copied..<i]
        let start = i
        while i < count, p[i] != quote, p[i] != parenthesis { i += 1 }
        output += rename(bytes[start..<i])
        copied = i
      }
    }
    output += bytes[copied...]
    return output
  }

  private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: [UInt8]) -> Bool {
    guard index + prefix.count <= bytes.count else { return false }
    for k in 0..<prefix.count where bytes[index + k] != prefix[k] { return false }
    return true
  }

  /// 32-bit FNV-1a: tiny, fast and stable across runs and platforms (unlike `Hasher`).
  static func fnv1a(_ bytes: [UInt8]) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    bytes.withUnsafeBufferPointer { buffer in
      guard let p = buffer.baseAddress else { return }
      var i = 0
      while i < buffer.count {
        hash ^= UInt32(p[i])
        hash = hash &* 16_777_619
        i += 1
      }
    }
    return hash
  }
}
