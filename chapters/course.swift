// The course's shared code, compiled into every chapter (`shared: course.swift` in
// book.yml): the training recipe of @sec-training-recipe, the trained flows that
// several chapters use, and the plotting helpers of chapter 4, for any chapter.
import Flows

// region: recipe
/// Couplings for the two datasets the course trains in every build (others: `courseCouplings(for:)`).
let courseCouplings: [ToyDataset: Int] = [.moons: 12, .checkerboard: 8]

/// RealNVP with conditioners 1→128→128→2 whose last layers start at zero.
func courseConfiguration(_ dataset: ToyDataset) -> FlowConfiguration {
  FlowConfiguration(
    couplings: courseCouplings(for: dataset), hidden: 128, zeroInitialised: true)
}

/// Training steps per dataset in this build's profile; `-P moons-steps=…` etc.
/// override them.
let courseSteps: [ToyDataset: Int] = [
  .moons: Build.parameter(
    "moons-steps", default: Build.profile == .quick ? 1000 : 6000),
  .checkerboard: Build.parameter(
    "checkerboard-steps", default: Build.profile == .quick ? 1000 : 15000),
]

/// Adam from 2e-3 with cosine decay, fresh minibatches of 512 (the default size).
func courseOptions(steps: Int) -> TrainingOptions {
  let quick = Build.profile == .quick
  var options = TrainingOptions()
  options.steps = steps
  options.learningRate = 2e-3
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
/// Couplings for `dataset`: 12 for the thin two moons (@sec-training-recipe), 8 for every other dataset.
func courseCouplings(for dataset: ToyDataset) -> Int {
  courseCouplings[dataset] ?? 8
}

/// Training steps for `dataset` in this build's profile: `courseSteps` for two moons and the
/// checkerboard, else 1,000 (`--quick`) or 6,000; `-P <dataset>-steps=…` overrides, e.g. `-P 8gaussians-steps=500`.
func courseSteps(for dataset: ToyDataset) -> Int {
  courseSteps[dataset]
    ?? Build.parameter("\(dataset.rawValue)-steps", default: Build.profile == .quick ? 1000 : 6000)
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
