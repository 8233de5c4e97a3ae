import Testing

@testable import Flows

/// The piecewise engine computes the dense engine's function and gradients (up to rounding).
@Suite struct FlowEngineTests {
  static func lossAndGradients(_ flow: Flow, batch: Batch) throws -> (Float, [[Float]]) {
    let step = TrainingStep(
      flow: flow, optimiser: FusedAdam(parameters: flow.parameters), rows: batch.count)
    let loss = try step.lossAndGradients(batch)
    return (loss, flow.parameters.map(\.gradient.array))
  }

  @Test(arguments: [ToyDataset.checkerboard, .moons])
  func piecewiseMatchesDenseValuesAndGradients(_ dataset: ToyDataset) throws {
    let configuration = FlowConfiguration(couplings: 4, hidden: 32, actNorm: true)
    let flow = try Flow(configuration, seed: 21)
    let piecewiseFlow = try Flow(configuration, seed: 21, engine: .piecewise)
    let batch = dataset.sample(256, seed: 8)
    _ = flow.forward(batch)
    _ = piecewiseFlow.forward(batch)
    let (denseLoss, denseGradients) = try Self.lossAndGradients(flow, batch: batch)
    let (piecewiseLoss, piecewiseGradients) = try Self.lossAndGradients(piecewiseFlow, batch: batch)
    #expect(abs(denseLoss - piecewiseLoss) <= 1e-5 * abs(denseLoss))
    for (index, (dense, piecewise)) in zip(denseGradients, piecewiseGradients).enumerated() {
      let scale = dense.map { abs($0) }.max()!
      let worst = zip(dense, piecewise).map { abs($0 - $1) }.max()!
      #expect(
        worst <= 1e-4 * max(scale, 1e-3), "\(flow.parameters[index].name): \(worst) of \(scale)")
    }
  }

  @Test func piecewiseKeepsLogProbAndSamples() throws {
    let configuration = FlowConfiguration(couplings: 2, hidden: 16)
    let x = ToyDataset.moons.sample(100, seed: 1)
    let dense = try Flow(configuration, seed: 2).logProb(x)
    let piecewise = try Flow(configuration, seed: 2, engine: .piecewise).logProb(x)
    #expect(zip(dense, piecewise).allSatisfy { abs($0 - $1) <= 1e-4 })
  }

  @Test func aCouplingThatCannotRunPiecewiseReportsDense() throws {
    // Width 120 is not a multiple of the SIMD width, and 4-D couplings have two conditioner inputs.
    let narrow = try Flow(FlowConfiguration(couplings: 2, hidden: 120), engine: .piecewise)
    #expect(narrow.couplingEngines.map(\.engine) == [.dense, .dense])
    #expect(narrow.engineSummary == "piecewise (dense in 2 of 2 couplings)")
    let wide = try Flow(FlowConfiguration(dimension: 4, couplings: 2, hidden: 16), engine: .piecewise)
    #expect(wide.couplingEngines.allSatisfy { $0.engine == .dense })
    let fine = try Flow(FlowConfiguration(couplings: 2, hidden: 16), engine: .piecewise)
    #expect(fine.couplingEngines.map(\.name) == ["layer0.coupling", "layer1.coupling"])
    #expect(fine.engineSummary == "piecewise")
  }
}
