import Autodiff
import Testing

@testable import Flows

@Suite struct ROCCurveTests {
  @Test func separatedScoresHaveAreaOneAndTiesHalf() {
    #expect(ROCCurve(inlierScores: [1, 2], outlierScores: [3, 4]).area == 1)
    #expect(ROCCurve(inlierScores: [3, 4], outlierScores: [1, 2]).area == 0)
    #expect(ROCCurve(inlierScores: [1, 1], outlierScores: [1, 1]).area == 0.5)
    let curve = ROCCurve(inlierScores: [1, 3], outlierScores: [2, 4])
    #expect(curve.area == 0.75)
    #expect(curve.points.first! == (0, 0) && curve.points.last! == (1, 1))
  }

  @Test func aTrainedFlowScoresUniformNoiseAsAnomalous() throws {
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 16), seed: 0)
    var options = TrainerTests.smallOptions(steps: 80)
    options.evaluationInterval = 80
    _ = try Trainer(options: options).train(flow, on: .moons)
    var generator = SeededGenerator(seed: 1)
    let uniform = Batch(
      count: 300, dimension: 2, values: (0..<600).map { _ in 8 * generator.uniform() - 4 })
    let curve = ROCCurve(
      inlierScores: flow.anomalyScores(ToyDataset.moons.sample(300, seed: 2)),
      outlierScores: flow.anomalyScores(uniform))
    #expect(curve.area > 0.7)
  }
}
