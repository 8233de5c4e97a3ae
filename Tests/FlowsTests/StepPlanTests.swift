import Testing

@testable import Flows

@Suite struct StepPlanTests {
  @Test func aFixedRunKeepsItsSteps() {
    var options = TrainingOptions()
    options.steps = 123
    var plan = StepPlan(options)
    plan.update(done: 30, elapsed: 1, finalSeconds: 0)
    #expect(plan.total == 123 && plan.firstPlan == 123)
  }

  @Test func aBudgetIsFilledAtTheMeasuredPaceAndPlannedAgain() {
    var options = TrainingOptions()
    options.timeBudget = 40
    var plan = StepPlan(options)
    #expect(plan.firstPlan == nil && plan.total == StepPlan.provisional)
    // 30 steps in 3 s: 0.1 s per step; 40 − 3 − 1 (final test) seconds left → 360 more steps.
    plan.update(done: 30, elapsed: 3, finalSeconds: 1)
    #expect(plan.total == 390 && plan.firstPlan == 390)
    // Between replans nothing changes; at step 250 the machine got slower: 0.12 s per step.
    plan.update(done: 100, elapsed: 5, finalSeconds: 1)
    #expect(plan.total == 390)
    plan.update(done: 250, elapsed: 30, finalSeconds: 1)
    #expect(plan.total == 250 + 75 && plan.firstPlan == 390)
  }

  @Test func weightAveragingBlendsAndApplies() {
    let parameter = Parameter(name: "p", values: [0, 11])
    let average = WeightAverage(parameters: [parameter], decay: 0.75)
    // The first update keeps 2/11 of the start, not 0.75 of it: early on the average follows training.
    parameter.value.assign([11, 0])
    average.update()
    #expect(parameter.value.array == [11, 0])
    average.apply()
    let blended = parameter.value.array
    #expect(abs(blended[0] - 9) < 1e-5 && abs(blended[1] - 2) < 1e-5, "\(blended)")
    // From the 25th update on, (t + 2)/(t + 11) ≥ 0.75 and the given decay applies.
    for _ in 1..<24 { average.update() }
    #expect(average.currentDecay < 0.75)
    average.update()
    #expect(average.currentDecay == 0.75)
  }

  @Test func aTimedRunEndsItsScheduleAtItsLastStep() throws {
    var options = TrainingOptions()
    (options.batchSize, options.evaluationInterval, options.heldOutSize, options.testSize) = (
      32, 50, 64, 128
    )
    // A quarter of a second: about 400 steps of this tiny flow, planned after 30 and again after 250.
    options.timeBudget = 0.25
    options.averageDecay = 0.9
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 8), seed: 1)
    var last: TrainingProgress?
    let result = try Trainer(options: options).train(flow, on: .moons) { last = $0 }
    #expect(result.steps >= StepPlan.calibrationSteps && result.losses.count == result.steps)
    #expect(result.records.last?.step == result.steps)
    #expect(last?.step == result.steps && last?.steps == result.steps)
    #expect(result.testNLL.isFinite)
  }
}
