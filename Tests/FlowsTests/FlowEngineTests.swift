import Testing

@testable import Flows

/// The piecewise engine computes the dense engine's function and gradients (up to rounding).
@Suite struct FlowEngineTests {
  static func lossAndGradients(_ flow: Flow, engine: FlowEngine, batch: Batch) throws -> (
    Float, [[Float]]
  ) {
    flow.engine = engine
    let step = TrainingStep(
      flow: flow, optimiser: FusedAdam(parameters: flow.parameters), rows: batch.count)
    let loss = try step.lossAndGradients(batch)
    return (loss, flow.parameters.map(\.gradient.array))
  }

  @Test(arguments: [ToyDataset.checkerboard, .moons])
  func piecewiseMatchesDenseValuesAndGradients(_ dataset: ToyDataset) throws {
    let flow = try Flow(FlowConfiguration(couplings: 4, hidden: 32, actNorm: true), seed: 21)
    let batch = dataset.sample(256, seed: 8)
    _ = flow.forward(batch)
    let (denseLoss, denseGradients) = try Self.lossAndGradients(flow, engine: .dense, batch: batch)
    let (piecewiseLoss, piecewiseGradients) = try Self.lossAndGradients(
      flow, engine: .piecewise, batch: batch)
    #expect(abs(denseLoss - piecewiseLoss) <= 1e-5 * abs(denseLoss))
    for (index, (dense, piecewise)) in zip(denseGradients, piecewiseGradients).enumerated() {
      let scale = dense.map { abs($0) }.max()!
      let worst = zip(dense, piecewise).map { abs($0 - $1) }.max()!
      #expect(
        worst <= 1e-4 * max(scale, 1e-3), "\(flow.parameters[index].name): \(worst) of \(scale)")
    }
  }

  @Test func piecewiseKeepsLogProbAndSamples() throws {
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 16), seed: 2)
    let x = ToyDataset.moons.sample(100, seed: 1)
    let dense = flow.logProb(x)
    flow.engine = .piecewise
    #expect(zip(dense, flow.logProb(x)).allSatisfy { abs($0 - $1) <= 1e-4 })
  }
}
