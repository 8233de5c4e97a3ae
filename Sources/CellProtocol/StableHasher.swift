import Foundation

/// A 128-bit non-cryptographic hash that is the same in every run (unlike `Hasher`), for cache keys
/// and file fingerprints. Two independent 64-bit lanes make accidental collisions negligible. Used by the
/// engine (cache keys) and by the chapter program (`memo` checksums) alike.
public struct StableHasher {
  private var first: UInt64 = 0xcbf2_9ce4_8422_2325
  private var second: UInt64 = 0x8422_2325_cbf2_9ce4

  /// A hasher that has seen nothing.
  public init() {}

  /// Mixes `data` in, 8 bytes at a time.
  public mutating func combine(_ data: Data) {
    data.withUnsafeBytes { bytes in
      var index = 0
      while index + 8 <= bytes.count {
        mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        index += 8
      }
      var tail: UInt64 = 0
      while index < bytes.count {
        tail = tail << 8 | UInt64(bytes[index])
        index += 1
      }
      mix(tail)
      mix(UInt64(bytes.count))
    }
  }

  /// Mixes `text` in (length-delimited, so `"ab" + "c"` differs from `"a" + "bc"`).
  public mutating func combine(_ text: String) {
    combine(Data(text.utf8))
  }

  private mutating func mix(_ word: UInt64) {
    first = (first ^ word) &* 0x0000_0100_0000_01b3
    first ^= first >> 29
    second = (second ^ (word &+ 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
    second ^= second >> 32
  }

  /// The hash as 32 hexadecimal digits.
  public var hexDigest: String {
    String(format: "%016llx%016llx", first, second)
  }
}
