import Autodiff
import Foundation
import Plot
import Testing

@testable import Flows

@Suite struct FlowTests {
  @Test func theDensityOfARandomFlowIntegratesToOne() throws {
    let flow = try Flow(FlowConfiguration(couplings: 4, hidden: 8), seed: 9)
    // 151 × 151 points: the sum is within 4e-5 of one (2e-4 at 101), far inside the tolerance.
    let grid = Batch.grid(x: -9...9, y: -9...9, resolution: 151)
    let cell = Double(18.0 / 150 * 18.0 / 150)
    let mass = flow.logProb(grid).reduce(0.0) { $0 + exp(Double($1)) } * cell
    #expect(abs(mass - 1) < 0.01)
  }

  @Test func trajectoriesEndWhereForwardAndSampleEnd() throws {
    let flow = try Flow(
      FlowConfiguration(couplings: 2, hidden: 8, actNorm: true, luLinear: true), seed: 1)
    let x = ToyDataset.moons.sample(50, seed: 1)
    let path = flow.trajectory(x)
    #expect(path.count == flow.layers.count + 1)
    #expect(path.last! == flow.forward(x).z)
    let samples = flow.sample(20, seed: 3)
    var generator = SeededGenerator(seed: 3)
    let back = flow.inverseTrajectory(flow.baseSamples(20, generator: &generator))
    #expect(back.last! == samples)
    #expect(
      flow.layerNames == [
        "layer0.actnorm", "layer0.lulinear", "layer0.coupling",
        "layer1.actnorm", "layer1.lulinear", "layer1.coupling",
      ])
  }

  @Test func zeroInitialisedFlowsStartAsTheIdentity() throws {
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 8, zeroInitialised: true))
    let x = testPoints(10, dimension: 2)
    let (z, logDet) = flow.forward(x)
    #expect(z == x && logDet.allSatisfy { $0 == 0 })
  }

  @Test(arguments: [0, 3, -2])
  func invalidCouplingCountsAreRejected(_ couplings: Int) {
    #expect(throws: FlowError.self) { try Flow(FlowConfiguration(couplings: couplings)) }
  }

  @Test func theCanonicalConfigurationHasTheReferenceSize() throws {
    let flow = try Flow(.realNVP8x128)
    // 8 × (1·128 + 128 + 128·128 + 128 + 128·2 + 2) parameters, as in the PyTorch script.
    #expect(flow.parameterCount == 8 * (128 + 128 + 128 * 128 + 128 + 256 + 2))
  }
}

@Suite struct DensityGridTests {
  @Test func gridsHoldDensitiesRowByRow() throws {
    let grid = try #require(
      ToyDataset.checkerboard.densityGrid(x: -3...3, y: -3...3, resolution: 4))
    #expect(grid.xs == [-3, -1, 1, 3] && grid.ys == [-3, -1, 1, 3])
    // (−3, −3) lies in square (−2, −2): occupied; (−1, −3) in (−1, −2): empty.
    #expect(abs(grid.values[0][0] - 1.0 / 32) < 1e-9 && grid.values[0][1] == 0)
    #expect(GridLines.make(x: -1...1, y: -1...1, count: 3, pointsPerLine: 5).count == 6)
  }

  @Test func aDensityGridBecomesAHeatmapGridOfCellsCentredOnItsPoints() throws {
    let density = try #require(
      ToyDataset.checkerboard.densityGrid(x: -3...3, y: -3...3, resolution: 4))
    let grid = ScalarGrid(density)
    #expect(grid.columns == 4 && grid.rows == 4)
    #expect(grid.x == -4...4 && grid.y == -4...4)
    #expect(grid.values[0] == density.values[0][0] && grid.values[5] == density.values[1][1])
    let axes = Axes().heatmap(density, range: 0...0.05)
    #expect(axes.series.count == 1)
  }
}
