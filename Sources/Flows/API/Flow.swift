import Autodiff
import Foundation

/// A normalizing flow: a composition of bijectors `f = f_L ∘ … ∘ f_1` mapping data to a standard normal base.
///
///     log p(x) = log N(f(x); 0, I) + Σ_l logDet_l,   logDet of the composition = Σ of the layers' log-dets.
///
/// Sampling draws `z ~ N(0, I)` and runs the layers' inverses in reverse order. Built from a
/// `FlowConfiguration` (RealNVP with alternating masks, optionally ActNorm and LU-linear layers) and a seed.
public final class Flow: FlowLayer {
  /// The recipe this flow was built from.
  public let configuration: FlowConfiguration
  /// The dimension D of the points.
  public var dimension: Int { configuration.dimension }
  let stages: [any FlowLayer]
  let stageNames: [String]
  let workspace = Workspace()

  /// A freshly initialised flow; throws `FlowError.invalidConfiguration` for an invalid recipe.
  public init(_ configuration: FlowConfiguration = .realNVP8x128, seed: UInt64 = 0) throws {
    try configuration.validate()
    // Every matrix product of the flow runs through OpenBLAS: pick its fast kernel, one thread.
    BLASKernel.configure()
    self.configuration = configuration
    var generator = SeededGenerator(seed: seed)
    var stages: [any FlowLayer] = []
    var names: [String] = []
    for k in 0..<configuration.couplings {
      if configuration.actNorm {
        names.append("layer\(k).actnorm")
        stages.append(ActNorm(dimension: configuration.dimension, name: names.last!))
      }
      if configuration.luLinear {
        names.append("layer\(k).lulinear")
        stages.append(LULinear(dimension: configuration.dimension, name: names.last!))
      }
      names.append("layer\(k).coupling")
      stages.append(
        AffineCoupling(
          mask: configuration.mask(forStep: k), hidden: configuration.hidden,
          zeroInitialised: configuration.zeroInitialised, name: names.last!, generator: &generator))
    }
    self.stages = stages
    stageNames = names
  }

  /// How conditioners are evaluated (see `FlowEngine`); `.dense` unless set.
  public var engine: FlowEngine = .dense {
    didSet {
      for case let coupling as AffineCoupling in stages { coupling.conditioner.engine = engine }
    }
  }

  /// The layers in data → latent order (couplings, and ActNorm/LULinear layers if configured).
  public var layers: [any Bijector] { stages }
  /// One name per layer, e.g. `layer3.coupling`, in the order of `layers`.
  public var layerNames: [String] { stageNames }
  /// The trainable parameters, by name, in a fixed order.
  public var parameters: [Parameter] { stages.flatMap(\.parameters) }
  /// Total number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
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

  func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double) {
    stages.reduce((x, 0.0)) { partial, stage in
      let (z, logDet) = stage.referenceForward(partial.0)
      return (z, partial.1 + logDet)
    }
  }

  /// The buffer holding the input of stage `l` (the output of stage `l − 1`), kept for the backward pass.
  func activation(_ l: Int, rows: Int) -> UnsafeMutablePointer<Float> {
    workspace.buffer("activation\(l)", count: rows * dimension)
  }
}
