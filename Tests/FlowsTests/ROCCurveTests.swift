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

  /// The centre of the upper moon's arc is empty, but an untrained flow (about a standard normal) finds it
  /// typical: only the training can make those points anomalous, so the margin measures what it learnt.
  @Test func trainingMakesTheEmptyCentreOfTheMoonsAnomalous() throws {
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 16), seed: 0)
    var generator = SeededGenerator(seed: 1)
    let centre = Batch(count: 300, dimension: 2, values: (0..<600).map { _ in 0.6 * generator.uniform() - 0.3 })
    let uniform = Batch(count: 300, dimension: 2, values: (0..<600).map { _ in 8 * generator.uniform() - 4 })
    let inliers = ToyDataset.moons.sample(300, seed: 2)
    func area(_ outliers: Batch) -> Double {
      ROCCurve(inlierScores: flow.anomalyScores(inliers), outlierScores: flow.anomalyScores(outliers)).area
    }
    let untrained = area(centre)
    var options = TrainerTests.smallOptions(steps: 80)
    options.evaluationInterval = 80
    _ = try Trainer(options: options).train(flow, on: .moons)
    let trained = area(centre)
    #expect(untrained < 0.5)
    #expect(trained > untrained + 0.3, "AUC of the centre: untrained \(untrained), trained \(trained)")
    #expect(area(uniform) > 0.9)
  }
}
