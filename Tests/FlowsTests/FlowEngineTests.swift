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

  /// Units whose first-layer weight is 0 (constant, on or off), and breakpoints that move between steps so
  /// the kept unit order must be re-sorted: still the dense engine's values and gradients.
  @Test func piecewiseFollowsMovingBreakpointsAndConstantUnits() throws {
    let configuration = FlowConfiguration(couplings: 2, hidden: 24)
    let flows = try [FlowEngine.dense, .piecewise].map { try Flow(configuration, seed: 4, engine: $0) }
    var generator = SeededGenerator(seed: 9)
    for round in 0..<3 {
      let moves = (0..<flows[0].parameters.count).map { _ in (0..<24).map { _ in generator.normal() } }
      for flow in flows {
        for (parameter, move) in zip(flow.parameters, moves) where parameter.name.hasSuffix("bias1") {
          for j in 0..<24 { parameter.value[j] += round == 0 ? 0 : move[j] }
        }
        for parameter in flow.parameters where parameter.name.hasSuffix("weight1") {
          (parameter.value[0], parameter.value[1]) = (0, 0)
        }
        for parameter in flow.parameters where parameter.name.hasSuffix("bias1") {
          (parameter.value[0], parameter.value[1]) = (0.5, -0.5)
        }
      }
      let batch = ToyDataset.moons.sample(200, seed: UInt64(round))
      let (denseLoss, denseGradients) = try Self.lossAndGradients(flows[0], batch: batch)
      let (piecewiseLoss, piecewiseGradients) = try Self.lossAndGradients(flows[1], batch: batch)
      #expect(abs(denseLoss - piecewiseLoss) <= 1e-5 * abs(denseLoss))
      for (dense, piecewise) in zip(denseGradients, piecewiseGradients) {
        let scale = dense.map { abs($0) }.max()!
        #expect(zip(dense, piecewise).map { abs($0 - $1) }.max()! <= 1e-4 * max(scale, 1e-3))
      }
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
    // 4-D couplings have two conditioner inputs.
    let wide = try Flow(FlowConfiguration(dimension: 4, couplings: 2, hidden: 16), engine: .piecewise)
    #expect(wide.couplingEngines.map(\.engine) == [.dense, .dense])
    #expect(wide.engineSummary == "piecewise (dense in 2 of 2 couplings)")
    // Any width runs piecewise, 120 too.
    let odd = try Flow(FlowConfiguration(couplings: 2, hidden: 120), engine: .piecewise)
    #expect(odd.couplingEngines.map(\.engine) == [.piecewise, .piecewise])
    let fine = try Flow(FlowConfiguration(couplings: 2, hidden: 16), engine: .piecewise)
    #expect(fine.couplingEngines.map(\.name) == ["layer0.coupling", "layer1.coupling"])
    #expect(fine.engineSummary == "piecewise")
  }
}
