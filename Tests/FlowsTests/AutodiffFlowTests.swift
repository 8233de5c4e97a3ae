import Testing

@testable import Flows

@Suite struct AutodiffFlowTests {
  static let configurations = [
    FlowConfiguration(couplings: 4, hidden: 16),
    FlowConfiguration(couplings: 2, hidden: 16, actNorm: true),
    FlowConfiguration(couplings: 2, hidden: 16, actNorm: true, luLinear: true),
  ]

  @Test(arguments: configurations)
  func logDetMatchesTheAutodiffJacobian(_ configuration: FlowConfiguration) throws {
    let flow = try Flow(configuration, seed: 3)
    _ = flow.forward(ToyDataset.moons.sample(128, seed: 1))
    let x = testPoints(32, dimension: 2)
    #expect(FlowChecks.autodiffLogDetChecks(of: flow, at: x).map(\.error).max()! <= 1e-4)
    for l in flow.layers.indices {
      #expect(
        FlowChecks.autodiffLogDetChecks(of: flow, at: x, layer: l).map(\.error).max()! <= 1e-4)
    }
  }

  @Test(arguments: configurations)
  func handDerivedGradientsMatchAutodiff(_ configuration: FlowConfiguration) throws {
    let flow = try Flow(configuration, seed: 4)
    let batch = ToyDataset.checkerboard.sample(64, seed: 2)
    _ = flow.forward(batch)
    #expect(try FlowChecks.autodiffGradientError(of: flow, on: batch) <= 1e-3)
  }

  @Test(arguments: configurations.prefix(2))
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

  @Test func theAutodiffEngineTrainsLikeTheDenseOne() throws {
    var options = TrainingOptions()
    (options.steps, options.batchSize, options.learningRate) = (30, 64, 3e-3)
    (options.heldOutSize, options.testSize) = (256, 512)
    let configuration = FlowConfiguration(couplings: 2, hidden: 16, actNorm: true)
    let dense = try Trainer(options: options).train(
      try Flow(configuration, seed: 1, engine: .dense), on: .moons)
    let autodiff = try Trainer(options: options).train(
      try Flow(configuration, seed: 1, engine: .autodiff), on: .moons)
    for (a, b) in zip(dense.losses, autodiff.losses) { #expect(abs(a - b) <= 1e-4 * abs(a)) }
    // The test NLL is evaluated by the fast engine on the flow's own parameters: the autodiff engine's
    // updates reached them.
    #expect(abs(dense.testNLL - autodiff.testNLL) <= 1e-3)
    #expect(dense.losses.first! != dense.losses.last!)
  }
}
