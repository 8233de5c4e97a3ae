/// How many steps a training run takes: a fixed number, or as many as fit a wall-clock budget.
///
/// With a budget, the first `calibrationSteps` run against a provisional horizon (the schedule barely
/// moves over them), then the plan is the steps that fit the rest of the budget at the measured pace
/// (steps, evaluations and data included), minus the final test evaluation. It is planned again every
/// `replanInterval` steps, so a machine that gets busier or quieter still ends the schedule (cosine decay
/// reaches zero) at the last step, within the budget.
struct StepPlan {
  /// The steps of the whole run as currently planned.
  private(set) var total: Int
  /// The first plan made from measurements (the fixed count without a budget).
  private(set) var firstPlan: Int?
  let budget: Double?
  static let calibrationSteps = 30
  static let replanInterval = 250
  /// Horizon used before the first plan.
  static let provisional = 1_000_000

  /// A plan for `options`.
  init(_ options: TrainingOptions) {
    budget = options.timeBudget
    total = budget == nil ? options.steps : Self.provisional
    firstPlan = budget == nil ? options.steps : nil
  }

  /// After `done` steps and `elapsed` seconds, with the final evaluation expected to take `finalSeconds`:
  /// plans again when it is time to.
  mutating func update(done: Int, elapsed: Double, finalSeconds: Double) {
    guard let budget, done == Self.calibrationSteps || done % Self.replanInterval == 0 else { return }
    let pace = elapsed / Double(done)
    let remaining = max(0, Int((budget - elapsed - finalSeconds) / pace))
    total = done + remaining
    if firstPlan == nil { firstPlan = total }
  }
}
