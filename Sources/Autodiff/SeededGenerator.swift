import Foundation

/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64): the same seed gives
/// the same stream on every run, so experiments are reproducible bit for bit. Integer and uniform
/// streams are identical on every machine; normal samples also use the C library's `log`, `sin`
/// and `cos`, so they match wherever that library does (glibc on all of FlowBook's machines).
///
/// It is a `RandomNumberGenerator`, so `Float.random(in:using:)` and `shuffled(using:)` work too.
/// `normal()` uses the Box–Muller transform in `Double` and returns its two values in turn.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let noise = Tensor.randomNormal([512, 2], using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)
  /// The second value of the last Box–Muller pair, returned by the next `normal()`.
  private var spareNormal: Float?

  /// A generator whose stream is fixed by `seed`.
  public init(seed: UInt64) {
    var mixer = seed
    func splitMix() -> UInt64 {
      mixer &+= 0x9E37_79B9_7F4A_7C15
      var z = mixer
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  /// A uniform `Float` in `[0, 1)` with 24 random bits.
  public mutating func uniform() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A standard normal `Float` (mean 0, standard deviation 1).
  public mutating func normal() -> Float {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    // u1 in (0, 1] so the logarithm is finite.
    let u1 = (Double(next() >> 11) + 1) * 0x1p-53
    let u2 = Double(next() >> 11) * 0x1p-53
    let radius = (-2 * Foundation.log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    spareNormal = Float(radius * Foundation.sin(angle))
    return Float(radius * Foundation.cos(angle))
  }

  private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
  }
}

extension Tensor {
  /// Normal samples with the given mean and standard deviation, drawn in row-major order.
  public static func randomNormal(
    _ shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
    using generator: inout SeededGenerator,
    requiresGradient: Bool = false
  ) -> Tensor {
    let result = Tensor(uninitializedShape: shape)
    for index in 0..<result.count {
      result.storage[index] = mean + standardDeviation * generator.normal()
    }
    result.requiresGradient = requiresGradient
    return result
  }

  /// Uniform samples in `range`, drawn in row-major order.
  public static func randomUniform(
    _ shape: [Int], in range: Range<Float> = 0..<1, using generator: inout SeededGenerator,
    requiresGradient: Bool = false
  ) -> Tensor {
    let result = Tensor(uninitializedShape: shape)
    let width = range.upperBound - range.lowerBound
    for index in 0..<result.count {
      // Rounding can land on the excluded upper bound when the range is wide; keep it half-open.
      result.storage[index] = Swift.min(
        range.lowerBound + width * generator.uniform(), range.upperBound.nextDown)
    }
    result.requiresGradient = requiresGradient
    return result
  }
}
