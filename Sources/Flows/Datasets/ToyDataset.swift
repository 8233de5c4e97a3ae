import Autodiff
import Foundation

/// The 2-D toy distributions of the course: two moons as scikit-learn's `make_moons`, and FFJORD's toy
/// set (Grathwohl et al. 2019, `toy_data.py`): checkerboard, 8 gaussians, swiss roll, circles, rings,
/// pinwheel, 2 spirals. Every draw is reproducible from a seed.
///
/// Where FFJORD or scikit-learn place points on an evenly spaced grid of angles (moons, circles, rings),
/// this does the same for the requested count, then shuffles, then adds Gaussian noise.
public enum ToyDataset: String, CaseIterable, Sendable {
  /// Two interleaving half circles, noise σ = 0.05 (scikit-learn `make_moons(noise=0.05)`).
  case moons
  /// Uniform on 8 of the 16 2×2 squares of [−4, 4]²; total area 32, entropy log 32.
  case checkerboard
  /// A mixture of 8 Gaussians on a circle of radius 4/1.414, σ = 0.5/1.414.
  case eightGaussians = "8gaussians"
  /// A swiss roll (scikit-learn `make_swiss_roll(noise=1)`, coordinates x and z, divided by 5).
  case swissRoll = "swissroll"
  /// Two concentric circles, radii 3 and 1.5, noise σ = 0.24 (scikit-learn `make_circles(factor=0.5, noise=0.08)` × 3).
  case circles
  /// Four concentric rings, radii 3, 2.25, 1.5, 0.75, noise σ = 0.08.
  case rings
  /// Five curved arms.
  case pinwheel
  /// Two interleaved spirals.
  case twoSpirals = "2spirals"

  /// The dataset named `name` (its `rawValue`, e.g. `"8gaussians"`), or `FlowError.unknownDataset`.
  public init(named name: String) throws {
    guard let dataset = ToyDataset(rawValue: name.lowercased()) else {
      throw FlowError.unknownDataset(name)
    }
    self = dataset
  }

  /// `count` points drawn with a fresh generator seeded by `seed`.
  public func sample(_ count: Int, seed: UInt64) -> Batch {
    var generator = SeededGenerator(seed: seed)
    return sample(count, generator: &generator)
  }

  /// `count` points drawn from `generator` (which advances, so successive calls give fresh points).
  public func sample(_ count: Int, generator: inout SeededGenerator) -> Batch {
    var x = [Float]()
    var y = [Float]()
    x.reserveCapacity(count)
    y.reserveCapacity(count)
    func add(_ a: Float, _ b: Float) {
      x.append(a)
      y.append(b)
    }
    switch self {
    case .moons:
      let outer = count / 2
      let inner = count - outer
      for i in 0..<outer {
        let a = Float.pi * Float(i) / Float(max(outer - 1, 1))
        add(cos(a), sin(a))
      }
      for i in 0..<inner {
        let a = Float.pi * Float(i) / Float(max(inner - 1, 1))
        add(1 - cos(a), 0.5 - sin(a))
      }
      return Self.shuffledWithNoise(x, y, sigma: 0.05, generator: &generator)
    case .checkerboard:
      for _ in 0..<count {
        let x1 = generator.uniform() * 4 - 2
        let x2 =
          generator.uniform() - Float(generator.index(below: 2) * 2) + Float(Int(floor(x1)) & 1)
        add(2 * x1, 2 * x2)
      }
    case .eightGaussians:
      for _ in 0..<count {
        let (cx, cy) = Self.eightCenters[generator.index(below: 8)]
        add(
          (0.5 * generator.normal() + 4 * cx) / 1.414, (0.5 * generator.normal() + 4 * cy) / 1.414)
      }
    case .swissRoll:
      for _ in 0..<count {
        let t = 1.5 * Float.pi * (1 + 2 * generator.uniform())
        _ = generator.uniform()  // scikit-learn's height coordinate, dropped by FFJORD
        add((t * cos(t) + generator.normal()) / 5, (t * sin(t) + generator.normal()) / 5)
      }
    case .circles:
      let outer = count / 2
      let inner = count - outer
      for i in 0..<outer {
        let a = 2 * Float.pi * Float(i) / Float(outer)
        add(3 * cos(a), 3 * sin(a))
      }
      for i in 0..<inner {
        let a = 2 * Float.pi * Float(i) / Float(inner)
        add(1.5 * cos(a), 1.5 * sin(a))
      }
      return Self.shuffledWithNoise(x, y, sigma: 0.08 * 3, generator: &generator)
    case .rings:
      let quarter = count / 4
      let first = count - 3 * quarter
      for (radius, n) in [(Float(1), quarter), (0.75, quarter), (0.5, quarter), (0.25, first)] {
        for i in 0..<n {
          let a = 2 * Float.pi * Float(i) / Float(n)
          add(3 * radius * cos(a), 3 * radius * sin(a))
        }
      }
      return Self.shuffledWithNoise(x, y, sigma: 0.08, generator: &generator)
    case .pinwheel:
      for i in 0..<count {
        let radial = 0.3 * generator.normal() + 1
        let tangential = 0.1 * generator.normal()
        let angle = 2 * Float.pi * Float(i % 5) / 5 + 0.25 * exp(radial)
        add(
          2 * (radial * cos(angle) + tangential * sin(angle)),
          2 * (-radial * sin(angle) + tangential * cos(angle)))
      }
      return Self.shuffledWithNoise(x, y, sigma: 0, generator: &generator)
    case .twoSpirals:
      for i in 0..<count {
        let n = generator.uniform().squareRoot() * 540 * 2 * Float.pi / 360
        let sign: Float = i % 2 == 0 ? 1 : -1
        let dx = -cos(n) * n + 0.5 * generator.uniform()
        let dy = sin(n) * n + 0.5 * generator.uniform()
        add(sign * dx / 3 + 0.1 * generator.normal(), sign * dy / 3 + 0.1 * generator.normal())
      }
    }
    return Batch(x: x, y: y)
  }

  static let eightCenters: [(Float, Float)] = {
    let r = 1 / Float(2).squareRoot()
    return [(1, 0), (-1, 0), (0, 1), (0, -1), (r, r), (r, -r), (-r, r), (-r, -r)]
  }()

  /// Fisher–Yates shuffle of the points, then isotropic Gaussian noise of standard deviation `sigma`.
  private static func shuffledWithNoise(
    _ x: [Float], _ y: [Float], sigma: Float,
    generator: inout SeededGenerator
  ) -> Batch {
    var order = Array(x.indices)
    for i in stride(from: order.count - 1, to: 0, by: -1) {
      order.swapAt(i, generator.index(below: i + 1))
    }
    let noisyX = order.map { x[$0] + sigma * (sigma > 0 ? generator.normal() : 0) }
    let noisyY = order.map { y[$0] + sigma * (sigma > 0 ? generator.normal() : 0) }
    return Batch(x: noisyX, y: noisyY)
  }
}
