// The course's shared code, compiled into every chapter (`shared: course.swift` in
// book.yml): the training recipe of @sec-training-recipe, the trained flows that
// several chapters use, and the plotting helpers of chapter 4, for any chapter.
import Flows

// region: recipe
/// Couplings for the two datasets the course trains in every build (others: `courseCouplings(for:)`).
let courseCouplings: [ToyDataset: Int] = [.moons: 12, .checkerboard: 12]

/// RealNVP with narrow conditioners 1→64→64→2 whose last layers start at zero.
func courseConfiguration(_ dataset: ToyDataset) -> FlowConfiguration {
  FlowConfiguration(
    couplings: courseCouplings(for: dataset), hidden: 64, zeroInitialised: true)
}

/// Training steps per dataset in this build's profile: in the full profile about as many as
/// `flowbook train --time-budget 40` takes on a quiet machine. `-P moons-steps=…` etc. override them.
let courseSteps: [ToyDataset: Int] = [
  .moons: Build.parameter(
    "moons-steps", default: Build.profile == .quick ? 600 : 48000),
  .checkerboard: Build.parameter(
    "checkerboard-steps", default: Build.profile == .quick ? 600 : 48000),
]

/// Adam from 1e-3 with cosine decay, fresh minibatches of 512 (the default size).
func courseOptions(steps: Int) -> TrainingOptions {
  let quick = Build.profile == .quick
  var options = TrainingOptions()
  options.steps = steps
  options.learningRate = 1e-3
  options.schedule = .cosine
  options.seed = Build.seed
  options.evaluationInterval = max(steps / (quick ? 10 : 40), 1)
  // The reported held-out NLL uses 100,000 fresh points: its Monte-Carlo error
  // is about 0.002 nats.
  if quick {
    (options.heldOutSize, options.testSize) = (1_024, 5_000)
  } else {
    options.testSize = 100_000
  }
  return options
}
// endregion

// region: trained-flow
/// Couplings for `dataset`: 12 for the two moons and the checkerboard (@sec-training-recipe), 8 for every other dataset.
func courseCouplings(for dataset: ToyDataset) -> Int {
  courseCouplings[dataset] ?? 8
}

/// Training steps for `dataset` in this build's profile: `courseSteps` for two moons and the
/// checkerboard, else 600 (`--quick`) or 6,000; `-P <dataset>-steps=…` overrides, e.g. `-P 8gaussians-steps=500`.
func courseSteps(for dataset: ToyDataset) -> Int {
  courseSteps[dataset]
    ?? Build.parameter("\(dataset.rawValue)-steps", default: Build.profile == .quick ? 600 : 6000)
}

/// The flow trained on `dataset` (any `ToyDataset`) by the course's recipe, and its training record:
/// `courseConfiguration(dataset)` (RealNVP, zero-initialised, `courseCouplings(for:)` couplings) trained
/// with `courseOptions(steps: courseSteps(for: dataset))` from `Build.seed`, evaluated with the piecewise
/// engine. The first chapter to ask trains it; the others, even those running at the same time, load it
/// from the build's shared folder.
func trainedFlow(_ dataset: ToyDataset) throws -> (flow: Flow, result: TrainingResult) {
  let cache = TrainedFlowCache(directory: Build.sharedDirectory + "/trained-flows")
  return try cache.flow(
    on: dataset, configuration: courseConfiguration(dataset),
    options: courseOptions(steps: courseSteps(for: dataset)), seed: Build.seed,
    // The fast, exact evaluation of 1-input conditioners (@sec-speed).
    engine: .piecewise
  ) { update in
    let message = String(format: "%@: loss %.3f", dataset.rawValue, update.loss)
    progress(update.step, of: update.steps, message)
  }
}
// endregion

// region: ablation
/// Steps and seeds of the course's ablations (chapters 3 to 5): short runs, so that every variant can be
/// trained from several seeds; `-P ablation-steps=…` and `-P ablation-seeds=…` override them.
let ablationSteps = Build.parameter("ablation-steps", default: Build.profile == .quick ? 100 : 600)
let ablationSeeds = (0..<Build.parameter("ablation-seeds", default: Build.profile == .quick ? 1 : 3)).map {
  Build.seed &+ UInt64($0)
}

/// The recipe's options for one ablation run from `seed`: `ablationSteps` steps of 256 fresh points, scored
/// at the end on 20,000 held-out points (the same points for every variant trained from this seed).
func ablationOptions(seed: UInt64) -> TrainingOptions {
  var options = courseOptions(steps: ablationSteps)
  options.seed = seed
  options.batchSize = 256
  options.evaluationInterval = ablationSteps
  options.heldOutSize = 512
  options.testSize = Build.profile == .quick ? 5_000 : 20_000
  return options
}

/// `configuration` trained on `dataset` from each of `ablationSeeds` with `options(seed)`: the flow and its
/// record, or nil where the loss became NaN or Inf. Runs are kept in the build's shared folder, so a variant
/// that two chapters train is trained once.
func ablationRuns(
  _ dataset: ToyDataset, _ configuration: FlowConfiguration, label: String,
  options: (UInt64) -> TrainingOptions = ablationOptions
) throws -> [(flow: Flow, result: TrainingResult)?] {
  let cache = TrainedFlowCache(directory: Build.sharedDirectory + "/ablation-flows")
  return try ablationSeeds.map { seed in
    do {
      let run = try cache.flow(
        on: dataset, configuration: configuration, options: options(seed), seed: seed, engine: .piecewise
      ) { update in progress(update.step, of: update.steps, "\(dataset.rawValue) \(label), seed \(seed)") }
      return run.result.testNLL.isFinite ? run : nil
    } catch FlowError.nonFinite {
      return nil
    }
  }
}

/// Mean and standard error s/√n of the mean (0 for a single value).
func meanAndError(_ values: [Double]) -> (mean: Double, error: Double) {
  let mean = values.reduce(0, +) / Double(values.count)
  guard values.count > 1 else { return (mean, 0) }
  let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
  return (mean, (variance / Double(values.count)).squareRoot())
}

/// "0.321 ± 0.004" (or "+0.012 ± 0.004" when `signed`).
func formatted(_ estimate: (mean: Double, error: Double), signed: Bool = false) -> String {
  String(format: signed ? "%+.3f ± %.3f" : "%.3f ± %.3f", estimate.mean, estimate.error)
}

/// The verdict on a paired change over seeds (negative = lower NLL = better): it counts beyond two standard errors.
func verdict(_ change: (mean: Double, error: Double), seeds: Int) -> String {
  seeds < 2
    ? "not tested (one seed)"
    : abs(change.mean) <= 2 * change.error ? "no clear effect" : change.mean < 0 ? "better" : "worse"
}
// endregion

// region: plots
/// One panel of training curves: training-minibatch and held-out NLL against the step, and a dashed
/// line at `floor` (the data's entropy, the lowest NLL any model can reach).
func curvePanel(_ figure: Figure, _ panel: Int, _ result: TrainingResult, floor: Double, title: String) -> Figure {
  let steps = result.records.map { Double($0.step) }
  return figure.panel(panel)
    .line(steps, result.records.map { -$0.trainLogLikelihood }, label: "training minibatches")
    .line(steps, result.records.map { -$0.heldOutLogLikelihood }, label: "held-out")
    .line([0, steps.last!], [floor, floor], color: .gray, style: .dashed, label: "entropy")
    .title(title).labels(x: "step", y: "NLL (nats)")
}

/// Fraction of latent points within radius `radius` of the origin (for N(0, I₂): 1 − exp(−r²/2)).
func fractionInside(_ z: Batch, radius: Double) -> Double {
  Double(z.points.filter { Double($0[0] * $0[0] + $0[1] * $0[1]) <= radius * radius }.count) / Double(z.count)
}

/// One panel of latent points z = f(x) with the standard Gaussian's contours at the given radii.
func latentPanel(_ figure: Figure, _ panel: Int, _ z: Batch, title: String, radii: [Double] = [1, 2, 3]) -> Figure {
  figure.panel(panel)
    .scatter(z.column(0).map(Double.init), z.column(1).map(Double.init), size: 2.5, alpha: 0.5)
    .contour(x: -4...4, y: -4...4, levels: radii, color: .black, width: 1) { ($0 * $0 + $1 * $1).squareRoot() }
    .title(title).labels(x: "z₁", y: "z₂").limits(x: -4...4, y: -4...4).equalAspect()
}

/// One panel of 2-D points (data or flow samples) on fixed axes, equal aspect.
func pointsPanel(_ figure: Figure, _ panel: Int, _ x: Batch, color: Color, title: String,
                 limits: (ClosedRange<Double>, ClosedRange<Double>)) -> Figure {
  figure.panel(panel)
    .scatter(x.column(0).map(Double.init), x.column(1).map(Double.init), size: 2.5, color: color, alpha: 0.5)
    .title(title).labels(x: "x₁", y: "x₂").limits(x: limits.0, y: limits.1).equalAspect()
}
// endregion

// region: checks
/// The course's checks of a coupling layer and a flow, with messages that name the likely mistake. Each
/// takes plain numbers, so it works for the chapter's layer and the library's alike, and reports at the
/// chapter line that calls it.

/// Rows of a matrix tensor [n, D] as Doubles.
func rows(_ tensor: Tensor) -> [[Double]] {
  tensor.rows.map { $0.map(Double.init) }
}

/// log|det J| of each row Jacobian (2 × 2 tensors from `Tensor.rowJacobians`).
func logAbsDeterminants(_ jacobians: [Tensor]) -> [Double] {
  jacobians.map { j in
    precondition(j.shape == [2, 2], "the course's checks take 2 × 2 Jacobians, got \(j.shape)")
    return log(abs(Double(j[0, 0]) * Double(j[1, 1]) - Double(j[0, 1]) * Double(j[1, 0])))
  }
}

/// ✔ when a layer with mask `mask` copied the kept coordinates (b_j = 1) of `x` into `y`.
func checkKeptCoordinates(
  mask: [Float], x: [[Double]], y: [[Double]], file: StaticString = #filePath, line: UInt = #line
) {
  let kept = mask.indices.filter { mask[$0] == 1 }
  let errors = zip(x, y).map { x, y in kept.map { abs(y[$0] - x[$0]) }.max() ?? 0 }
  let worst = largest(errors)
  check(
    "kept coordinates are copied", worst.value, below: 1e-6, what: "worst |y_j − x_j| over the kept coordinates",
    at: "sample \(worst.index)",
    hint: "a kept coordinate (b_j = 1) changed: y = b ⊙ x + (1 − b) ⊙ (…) must leave it alone — is the mask applied?",
    file: file, line: line)
}

/// ✔ when the analytic log-determinants match log|det J| of the autodiff Jacobians; `s` (per sample, all D
/// coordinates) and `mask` let the message tell a sign error or a missing mask from other mistakes.
func checkLogDeterminant(
  analytic: [Double], jacobian: [Double], s: [[Double]], mask: [Float],
  file: StaticString = #filePath, line: UInt = #line
) {
  let errors = zip(analytic, jacobian).map { abs($0 - $1) }
  let worst = largest(errors)
  func matches(_ other: [Double]) -> Bool { zip(analytic, other).allSatisfy { abs($0 - $1) < 1e-4 } }
  var hint = "the log-det must be Σ_j (1 − b_j) s_j, @eq-logdet"
  if matches(jacobian.map { -$0 }) {
    hint = "the log-det is minus log|det J| at every sample: a sign error (it is +Σ s on the forward pass)"
  } else if matches(s.map { $0.reduce(0, +) }) {
    hint = "the log-det equals Σ_j s_j over all coordinates: the kept ones (b_j = 1) must not count — multiply by (1 − b)"
  }
  check(
    "log-det matches the Jacobian", worst.value, below: 1e-4, what: "worst |log-det − log|det J||",
    at: "sample \(worst.index) (log-det \(String(format: "%.4f", analytic[worst.index])), autodiff \(String(format: "%.4f", jacobian[worst.index])))",
    hint: hint, file: file, line: line)
}

/// ✔ when the inverse undoes the forward pass: `back` = f⁻¹(f(x)) equals `x` relative to the size of x;
/// for one layer, its `s` and `mask` let the message spot an inverse that multiplies by exp(s), not exp(−s).
func checkRoundTrip(
  x: [[Double]], back: [[Double]], s: [[Double]]? = nil, mask: [Float]? = nil,
  file: StaticString = #filePath, line: UInt = #line
) {
  // Typed steps: as one untyped expression this took the compiler 1.3 s of every chapter's compile.
  let errors = zip(x, back).map { (x: [Double], back: [Double]) -> Double in
    let size: Double = x.map { abs($0) }.max()!
    return zip(x, back).map { abs($0 - $1) }.max()! / max(1, size)
  }
  let worst = largest(errors)
  // With exp(s) in place of exp(−s), a transformed coordinate comes back as x·exp(2s).
  var doubled = false
  if let s, let mask {
    doubled = x.indices.allSatisfy { i in
      mask.indices.allSatisfy { j in
        mask[j] == 1 || abs(back[i][j] - x[i][j] * exp(2 * s[i][j])) < 1e-3 * max(1, abs(back[i][j]))
      }
    }
  }
  let hint =
    doubled
    ? "f⁻¹(f(x)) = x·exp(2s) on the transformed coordinates: the inverse multiplies by exp(s) where it must divide, (y − t)·exp(−s)"
    : "each layer's inverse must solve y = x·exp(s) + t for x on its transformed coordinates, @eq-coupling-inverse"
  check(
    "inverse undoes forward", worst.value, below: 1e-5, what: "worst |f⁻¹(f(x)) − x| / max(1, ‖x‖∞)",
    at: "sample \(worst.index)", hint: hint, file: file, line: line)
}

/// ✔ when every mask is the complement 1 − b of the one before, so each coordinate is transformed every
/// second layer; the message names the first two layers that keep the same coordinates.
func checkMasksAlternate(_ masks: [[Float]], file: StaticString = #filePath, line: UInt = #line) {
  let dimension = masks.first?.count ?? 0
  let shapeOK = masks.count >= 2 && masks.allSatisfy { $0.count == dimension && $0.allSatisfy { $0 == 0 || $0 == 1 } }
  let broken = shapeOK ? masks.indices.dropFirst().first { k in zip(masks[k], masks[k - 1]).contains { $0 == $1 } } : 0
  let describe = { (mask: [Float]) -> String in "(" + mask.map { String(Int($0)) }.joined(separator: ", ") + ")" }
  let message: String =
    !shapeOK
    ? "expected at least 2 masks of 0s and 1s, all of length \(dimension); got \(masks.map(describe))"
    : broken.map { k in
      "layers \(k) and \(k + 1) have masks \(describe(masks[k - 1])) and \(describe(masks[k])): a coordinate kept by "
        + "one must be transformed by the next, b⁽ᵏ⁺¹⁾ = 1 − b⁽ᵏ⁾"
    } ?? "\(masks.count) masks alternate between \(describe(masks[0])) and \(describe(masks[1]))"
  check("masks alternate", shapeOK && broken == nil, message, file: file, line: line)
  let never = (0..<dimension).filter { j in !masks.contains { $0[j] == 0 } }
  check(
    "every coordinate is transformed", shapeOK && never.isEmpty,
    never.isEmpty
      ? "each coordinate is transformed by \(masks.count / 2) of the \(masks.count) layers"
      : "no layer transforms x\(never.map { String($0 + 1) }.joined(separator: ", x")): the flow copies it unchanged",
    file: file, line: line)
}

/// ✔ when two computations of the same quantity (`what`, e.g. "output") agree to `tolerance`, point by point.
func checkSame(
  _ name: String, _ ours: [[Double]], _ theirs: [[Double]], what: String, below tolerance: Double = 1e-5,
  file: StaticString = #filePath, line: UInt = #line
) {
  // Typed steps: the untyped closure took the compiler 90 ms in every chapter's compile.
  let errors = zip(ours, theirs).map { (a: [Double], b: [Double]) -> Double in
    zip(a, b).map { (x: Double, y: Double) -> Double in abs(x - y) }.max() ?? 0
  }
  let worst = largest(errors)
  check(name, worst.value, below: tolerance, what: "worst difference in \(what)", at: "sample \(worst.index)",
    file: file, line: line)
}
// endregion
