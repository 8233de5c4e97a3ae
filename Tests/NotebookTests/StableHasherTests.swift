import CellProtocol
import Foundation
import Testing

@testable import Notebook

@Suite struct StableHasherTests {
  private func digest(_ parts: String...) -> String {
    var hasher = StableHasher()
    for part in parts { hasher.combine(part) }
    return hasher.hexDigest
  }

  @Test func sameInputSameDigestAcrossHashers() {
    #expect(digest("chapter", "cells") == digest("chapter", "cells"))
    #expect(digest("").count == 32)
  }

  @Test func differentInputsOrSplitsDiffer() {
    let digests = [
      digest("ab", "c"), digest("a", "bc"), digest("abc"), digest("abd"), digest("12345678"), digest("123456789"),
    ]
    #expect(Set(digests).count == digests.count)
  }
}
