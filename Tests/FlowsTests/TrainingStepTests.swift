import Testing

@testable import Flows

/// `TrainingStep` checked against what it reports: its loss is the batch's mean NLL, its gradients are the
/// derivatives of that loss, and `clipNorm` bounds the gradients Adam sees.
@Suite struct TrainingStepTests {
  static let rows = 32

  /// A small flow with random (not zero) last layers, so every parameter has a gradient, and its stepper
  /// (hidden width 16, so that `.piecewise` runs piecewise).
  static func stepper(engine: FlowEngine) throws -> TrainingStep {
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 16), seed: 5, engine: engine)
    return TrainingStep(flow: flow, optimiser: FusedAdam(parameters: flow.parameters), rows: rows)
  }

  static let batch = ToyDataset.moons.sample(rows, seed: 11)

  @Test(arguments: [FlowEngine.dense, .piecewise])
  func theLossIsTheMeanNegativeLogLikelihoodOfTheBatch(engine: FlowEngine) throws {
    let step = try Self.stepper(engine: engine)
    let loss = try step.lossAndGradients(Self.batch)
    let nll = step.flow.negativeLogLikelihood(Self.batch)
    #expect(abs(Double(loss) - nll) <= 1e-5 * max(1, abs(nll)), "loss \(loss), mean NLL \(nll)")
  }

  /// Central differences of the reported loss, at the largest-gradient entry of every parameter (a dropped
  /// or doubled 1/N in the gradient seeds scales every gradient by N against these).
  @Test(arguments: [FlowEngine.dense, .piecewise])
  func theGradientsAreTheDerivativesOfTheReportedLoss(engine: FlowEngine) throws {
    let step = try Self.stepper(engine: engine)
    _ = try step.lossAndGradients(Self.batch)
    let analytic = step.flow.parameters.map(\.gradient.array)
    for (parameter, gradient) in zip(step.flow.parameters, analytic) {
      let index = try #require(gradient.indices.max { abs(gradient[$0]) < abs(gradient[$1]) })
      let original = parameter.value[index]
      let h = max(abs(original), 1) * 1e-3
      parameter.value[index] = original + h
      let plus = (value: parameter.value[index], loss: try step.lossAndGradients(Self.batch))
      parameter.value[index] = original - h
      let minus = (value: parameter.value[index], loss: try step.lossAndGradients(Self.batch))
      parameter.value[index] = original
      let numeric = Double(plus.loss - minus.loss) / Double(plus.value - minus.value)
      let tolerance = 0.05 * abs(Double(gradient[index])) + 2e-3
      #expect(
        abs(numeric - Double(gradient[index])) <= tolerance,
        "\(parameter.name)[\(index)]: analytic \(gradient[index]), numeric \(numeric)")
    }
  }

  @Test func clipNormScalesTheGradientsDownToThatNormKeepingTheirDirection() throws {
    let step = try Self.stepper(engine: .piecewise)
    _ = try step.lossAndGradients(Self.batch)
    let unclipped = step.flow.parameters.flatMap(\.gradient.array)
    let norm = Self.norm(unclipped)
    try #require(norm > 0.1)
    try step.run(Self.batch, learningRate: 1e-3, clipNorm: 0.01, step: 1)
    let clipped = step.flow.parameters.flatMap(\.gradient.array)
    #expect(abs(Self.norm(clipped) - 0.01) < 1e-4)
    let cosine = zip(clipped, unclipped).reduce(0) { $0 + Double($1.0) * Double($1.1) } / (Self.norm(clipped) * norm)
    #expect(cosine > 0.9999)
  }

  @Test func withoutClipNormTheGradientsAreLeftAsComputed() throws {
    let step = try Self.stepper(engine: .piecewise)
    _ = try step.lossAndGradients(Self.batch)
    let computed = step.flow.parameters.flatMap(\.gradient.array)
    let fresh = try Self.stepper(engine: .piecewise)
    try fresh.run(Self.batch, learningRate: 1e-3, step: 1)
    #expect(fresh.flow.parameters.flatMap(\.gradient.array) == computed)
  }

  static func norm(_ values: [Float]) -> Double {
    values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
  }
}
