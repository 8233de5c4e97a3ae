import Autodiff
import Foundation

/// A normalizing flow: a composition of layers `f = f_L ∘ … ∘ f_1` mapping data to a standard normal base.
///
///     log p(x) = log N(f(x); 0, I) + Σ_l logDet_l,   logDet of the composition = Σ of the layers' log-dets.
///
/// Sampling draws `z ~ N(0, I)` and runs the layers' inverses in reverse order. The flow only composes;
/// `RealNVPRecipe` builds the layers from a `FlowConfiguration` (RealNVP with alternating masks, optionally
/// ActNorm and LU-linear layers) and a seed; `init(dimension:layers:)` composes layers of your own
/// (`TensorBijector`).
public final class Flow: FlowLayer {
  /// The recipe this flow was built from; nil for a flow of your own layers (`init(dimension:layers:)`).
  public let configuration: FlowConfiguration?
  /// The engine requested when the flow was built; `couplingEngines` says what each coupling runs.
  public let engine: FlowEngine
  /// The dimension D of the points.
  public let dimension: Int
  let stages: [any FlowLayer]
  let workspace = Workspace()

  /// The composition of `stages` (data → latent order), built by `configuration`'s recipe.
  init(configuration: FlowConfiguration?, dimension: Int, engine: FlowEngine, stages: [any FlowLayer]) {
    self.configuration = configuration
    self.engine = engine
    self.dimension = dimension
    self.stages = stages
    stages.flatMap(\.parameters).packContiguously()
  }

  /// A freshly initialised flow of `configuration` (see `RealNVPRecipe`) whose couplings run `engine`;
  /// throws `FlowError.invalidConfiguration` for an invalid recipe.
  public convenience init(
    _ configuration: FlowConfiguration = .realNVP8x128, seed: UInt64 = 0, engine: FlowEngine = .dense
  ) throws {
    let stages = try RealNVPRecipe(configuration).layers(seed: seed, engine: engine)
    self.init(configuration: configuration, dimension: configuration.dimension, engine: engine, stages: stages)
  }

  /// A flow composing your own layers (data → latent order), named `layer0.<type>`, `layer1.<type>`, …; trained
  /// by `Trainer` with `engine` (`.autodiff` records the whole loss as one graph; `.dense` back-propagates
  /// layer by layer). Throws `FlowError.invalidConfiguration` when there is no layer or a layer's dimension
  /// is not `dimension`. Such a flow cannot be saved (`load` could not rebuild your types).
  public convenience init(
    dimension: Int, layers: [any TensorBijector], engine: FlowEngine = .autodiff
  ) throws {
    guard !layers.isEmpty else { throw FlowError.invalidConfiguration("a flow needs at least one layer") }
    if let l = layers.firstIndex(where: { $0.dimension != dimension }) {
      throw FlowError.invalidConfiguration(
        "layer \(l) (\(type(of: layers[l]))) acts on \(layers[l].dimension)-D points, the flow on \(dimension)-D")
    }
    let stages = layers.enumerated().map { l, layer in
      TensorLayer(layer, name: "layer\(l).\(type(of: layer))")
    }
    self.init(configuration: nil, dimension: dimension, engine: engine, stages: stages)
  }

  /// The layers in data → latent order (couplings, and ActNorm/LULinear layers if configured).
  public var layers: [any Bijector] { stages }
  /// One name per layer, e.g. `layer3.coupling`, in the order of `layers`.
  public var layerNames: [String] { stages.map(\.name) }
  /// The trainable parameters, by name, in a fixed order.
  public var parameters: [Parameter] { stages.flatMap(\.parameters) }
  /// Per coupling, its name and the engine it actually runs (`.dense` where `.piecewise` does not apply).
  public var couplingEngines: [(name: String, engine: FlowEngine)] {
    stages.compactMap { stage in stage.couplingEngine.map { (stage.name, $0) } }
  }
  /// A short account of the engines that run, e.g. `piecewise` or `piecewise (dense in 2 of 8 couplings)`.
  public var engineSummary: String {
    if engine == .autodiff { return "autodiff" }
    let fallback = couplingEngines.filter { $0.engine != engine }.count
    return fallback == 0
      ? engine.rawValue
      : "\(engine.rawValue) (dense in \(fallback) of \(couplingEngines.count) couplings)"
  }
  /// The BLAS calls one training step over `rows` points makes (forward and backward of every layer), in
  /// order: timed alone by `BLASCall.milliseconds(of:)`, they are the floor of the dense engine's step.
  public func blasCalls(rows: Int) -> [BLASCall] {
    stages.flatMap { stage in stage.blasCalls(rows: rows).map { $0.scoped(stage.name) } }
  }
  /// The flow's name as a layer.
  public var name: String { "flow" }
  var kind: String { "flow" }

  // MARK: - Densities and sampling

  /// log N(z; 0, I) for one point of dimension D.
  static func baseLogDensity(_ z: UnsafePointer<Float>, dimension: Int) -> Float {
    var square: Float = 0
    for j in 0..<dimension { square += z[j] * z[j] }
    return -0.5 * square - 0.5 * Float(dimension) * Float(log(2 * Double.pi))
  }

  /// log p(x) in nats for every point.
  public func logProb(_ x: Batch) -> [Float] {
    let (z, logDet) = forward(x)
    return z.values.withUnsafeBufferPointer { values in
      (0..<x.count).map {
        Self.baseLogDensity(values.baseAddress! + $0 * dimension, dimension: dimension) + logDet[$0]
      }
    }
  }

  /// Mean negative log-likelihood −(1/N) Σ log p(x_i), in nats (the test NLL when x is held-out data).
  public func negativeLogLikelihood(_ x: Batch) -> Double {
    -logProb(x).reduce(0.0) { $0 + Double($1) } / Double(max(x.count, 1))
  }

  /// `count` points drawn from the model: z ~ N(0, I) pushed through the inverse flow.
  public func sample(_ count: Int, seed: UInt64) -> Batch {
    var generator = SeededGenerator(seed: seed)
    return inverse(baseSamples(count, generator: &generator)).x
  }

  /// `count` standard-normal points of the flow's dimension.
  public func baseSamples(_ count: Int, generator: inout SeededGenerator) -> Batch {
    Batch(
      count: count, dimension: dimension,
      values: (0..<(count * dimension)).map { _ in generator.normal() })
  }

  /// The points after each layer, data → latent: element 0 is `x`, element l is after `layers[l − 1]`.
  public func trajectory(_ x: Batch) -> [Batch] {
    var current = x
    return [x]
      + stages.map { stage in
        current = stage.forward(current).z
        return current
      }
  }

  /// The points after each inverse layer, latent → data: element 0 is `z`, the last is the data-space image.
  public func inverseTrajectory(_ z: Batch) -> [Batch] {
    var current = z
    return [z]
      + stages.reversed().map { stage in
        current = stage.inverse(current).x
        return current
      }
  }

  // MARK: - FlowLayer

  func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    var input = x
    for (l, stage) in stages.enumerated() {
      let output = l == stages.count - 1 ? y : activation(l + 1, rows: rows)
      stage.forward(input, into: output, addingLogDetTo: logDet, rows: rows)
      input = UnsafePointer(output)
    }
  }

  func inverse(
    _ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    var input = y
    for (l, stage) in stages.enumerated().reversed() {
      let output = l == 0 ? x : activation(l, rows: rows)
      stage.inverse(input, into: output, addingLogDetTo: logDet, rows: rows)
      input = UnsafePointer(output)
    }
  }

  func backward(
    outputGradient dy: UnsafePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>,
    logDetGradient: Float, rows: Int
  ) {
    var gradient = dy
    for (l, stage) in stages.enumerated().reversed() {
      let output =
        l == 0
        ? dx : workspace.buffer(l % 2 == 0 ? "gradientA" : "gradientB", count: rows * dimension)
      stage.backward(
        outputGradient: gradient, inputGradient: output, logDetGradient: logDetGradient, rows: rows)
      gradient = UnsafePointer(output)
    }
  }

  /// The layers' `Double` references in turn; nil when one of them has none.
  public func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double)? {
    var (z, logDet) = (x, 0.0)
    for stage in stages {
      guard let (next, layerLogDet) = stage.referenceForward(z) else { return nil }
      (z, logDet) = (next, logDet + layerLogDet)
    }
    return (z, logDet)
  }

  /// The autodiff form: the layers' tensor forms in turn, each given its slice of `parameters`.
  func forward(_ x: Tensor, parameters: ArraySlice<Tensor>) -> (z: Tensor, logDet: Tensor) {
    var z = x
    var logDet = Tensor.zeros([x.shape[0]])
    var start = parameters.startIndex
    for stage in stages {
      let end = start + stage.parameters.count
      let (next, layerLogDet) = stage.forward(z, parameters: parameters[start..<end])
      (z, logDet, start) = (next, logDet + layerLogDet, end)
    }
    return (z, logDet)
  }

  /// The buffer holding the input of stage `l` (the output of stage `l − 1`), kept for the backward pass.
  func activation(_ l: Int, rows: Int) -> UnsafeMutablePointer<Float> {
    workspace.buffer("activation\(l)", count: rows * dimension)
  }
}
