import Testing

@testable import Flows

@Suite struct AutodiffFlowTests {
  static let configurations = [
    FlowConfiguration(couplings: 4, hidden: 16),
    FlowConfiguration(couplings: 2, hidden: 16, actNorm: true),
  ]

  @Test(arguments: configurations)
  func logDetMatchesTheAutodiffJacobian(_ configuration: FlowConfiguration) throws {
    let flow = try Flow(configuration, seed: 3)
    _ = flow.forward(ToyDataset.moons.sample(128, seed: 1))
    let x = testPoints(32, dimension: 2)
    #expect(try FlowChecks.autodiffLogDetChecks(of: flow, at: x).map(\.error).max()! <= 1e-4)
    for l in flow.layers.indices {
      #expect(
        try FlowChecks.autodiffLogDetChecks(of: flow, at: x, layer: l).map(\.error).max()! <= 1e-4)
    }
  }

  @Test(arguments: configurations)
  func plainArraysAndAutodiffGiveTheSameLossCurve(_ configuration: FlowConfiguration) throws {
    var options = TrainingOptions()
    options.batchSize = 64
    options.learningRate = 3e-3
    let comparison = try AutodiffTraining.compare(
      configuration: configuration, dataset: .checkerboard, options: options, steps: 25)
    #expect(comparison.plainLosses.count == 25)
    #expect(comparison.maxRelativeDifference <= 1e-4)
    // Training happened: the curve moved.
    #expect(comparison.plainLosses.first! != comparison.plainLosses.last!)
  }

  @Test func luLinearFlowsAreRejectedWithAReason() throws {
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 4, luLinear: true))
    #expect(throws: FlowError.self) { try AutodiffFlow(copying: flow) }
  }
}
