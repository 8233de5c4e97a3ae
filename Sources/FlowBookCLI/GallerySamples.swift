import Foundation

/// Seeded toy data for the gallery and the plotting benchmark (SplitMix64 + Box–Muller), so every run
/// draws the same points and the figures are byte-identical.
struct GallerySamples {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// The next uniform number in [0, 1).
  mutating func uniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
  }

  /// The next standard normal number.
  mutating func normal() -> Double {
    let u = max(uniform(), 1e-300)
    let v = uniform()
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
  }

  /// `n` standard normal 2-D points as separate x and y lists.
  mutating func gaussian(_ n: Int) -> (x: [Double], y: [Double]) {
    (0..<n).reduce(into: (x: [Double](), y: [Double]())) { points, _ in
      points.x.append(normal())
      points.y.append(normal())
    }
  }

  /// The "two moons" data set: `n` points in two interleaved half circles with noise, and each point's moon.
  mutating func twoMoons(_ n: Int, noise: Double = 0.08) -> (x: [Double], y: [Double], moon: [Int]) {
    var result = (x: [Double](), y: [Double](), moon: [Int]())
    for k in 0..<n {
      let moon = k % 2
      let angle = .pi * uniform()
      let (cx, cy) = moon == 0 ? (cos(angle), sin(angle)) : (1 - cos(angle), 0.5 - sin(angle))
      result.x.append(cx + noise * normal())
      result.y.append(cy + noise * normal())
      result.moon.append(moon)
    }
    return result
  }
}
