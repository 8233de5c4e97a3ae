import Foundation
import Testing

@testable import Flows

@Suite struct ToyDatasetTests {
  @Test(arguments: ToyDataset.allCases)
  func samplesAreFiniteDeterministicAndOfTheRequestedCount(_ dataset: ToyDataset) {
    let first = dataset.sample(101, seed: 5)
    let again = dataset.sample(101, seed: 5)
    let other = dataset.sample(101, seed: 6)
    #expect(first.count == 101 && first.dimension == 2)
    #expect(first.values.allSatisfy { $0.isFinite })
    #expect(first == again)
    #expect(first != other)
  }

  @Test func checkerboardSamplesLieOnItsEightSquaresEvenly() throws {
    let x = ToyDataset.checkerboard.sample(8000, seed: 1)
    let density = try #require(ToyDataset.checkerboard.logDensity(x))
    #expect(density.allSatisfy { abs(Double($0) + log(32)) < 1e-6 })
    var counts: [Int: Int] = [:]
    for i in 0..<x.count {
      counts[
        Int(floor(x.values[2 * i] / 2)) * 10 + Int(floor(x.values[2 * i + 1] / 2)), default: 0] += 1
    }
    #expect(counts.count == 8)
    #expect(counts.values.allSatisfy { abs($0 - 1000) < 150 })
    #expect(abs(ToyDataset.checkerboard.entropy! - 3.4657) < 1e-4)
  }

  @Test func knownDensitiesIntegrateToOne() throws {
    for dataset in ToyDataset.allCases where dataset.hasKnownDensity {
      let grid = Batch.grid(x: -6...6, y: -6...6, resolution: 241)
      let density = try #require(dataset.logDensity(grid))
      let cell = Double(12.0 / 240 * 12.0 / 240)
      let mass = density.reduce(0.0) { $0 + exp(Double($1)) } * cell
      #expect(abs(mass - 1) < 0.03, "\(dataset) integrates to \(mass)")
    }
    #expect(ToyDataset.moons.logDensity(Batch(x: [0], y: [0])) == nil)
  }

  /// The quadrature density integrates to one, and matches the thin-ring approximation on the outer moon's
  /// crest: p(0, 1 + δ) ≈ ½ · (1/π) · N(δ; 0, σ²) / √(1 + δ), far from the ends and from the other moon.
  @Test func theMoonsTrueDensityIsNormalisedAndMatchesTheRingApproximation() {
    let grid = Batch.grid(x: -1.4...2.4, y: -0.9...1.4, resolution: 161)
    let density = ToyDataset.moonsLogDensity(grid, nodes: 180)
    let mass = density.reduce(0.0) { $0 + exp($1) } * (3.8 / 160) * (2.3 / 160)
    #expect(abs(mass - 1) < 1e-3, "the moons' density integrates to \(mass)")
    let sigma = 0.05
    let crest = ToyDataset.moonsLogDensity(Batch(x: [0, 0, 0], y: [1, 1.05, 0.9]))
    for (value, offset) in zip(crest, [0.0, 0.05, -0.1]) {
      let ring =
        log(0.5 / Double.pi) - offset * offset / (2 * sigma * sigma) - log((2 * Double.pi).squareRoot() * sigma)
        - 0.5 * log(1 + offset)
      #expect(abs(value - ring) < 2e-3, "log p(0, \(1 + offset)) = \(value), ring approximation \(ring)")
    }
  }

  @Test func moonsFollowScikitLearnsConstruction() {
    let x = ToyDataset.moons.sample(4000, seed: 2)
    let xs = x.column(0)
    let ys = x.column(1)
    #expect(abs(xs.reduce(0, +) / 4000 - 0.5) < 0.02)
    #expect(abs(ys.reduce(0, +) / 4000 - 0.25) < 0.02)
    #expect(xs.min()! > -1.3 && xs.max()! < 2.3)
  }

  @Test func unknownNamesAreRejectedWithTheChoices() throws {
    #expect(throws: FlowError.unknownDataset("spiral")) { try ToyDataset(named: "spiral") }
    #expect(FlowError.unknownDataset("spiral").description.contains("checkerboard"))
    #expect(try ToyDataset(named: "8gaussians") == .eightGaussians)
  }
}
