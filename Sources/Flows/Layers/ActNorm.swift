import Foundation

/// Activation normalisation (Kingma & Dhariwal, *Glow*, 2018): a per-coordinate affine map
///
///     z_j = x_j · exp(logScale_j) + bias_j,    logDet = Σ_j logScale_j  (the same for every point).
///
/// Data-dependent initialisation: the first forward pass sets `logScale = −log std` and
/// `bias = −mean·exp(logScale)` so that batch comes out with zero mean and unit variance per coordinate;
/// `isInitialised` records this and is saved with the parameters (a loaded model is never re-initialised).
/// Before initialisation, `inverse` uses the identity parameters. Cost O(D) per point.
public final class ActNorm: FlowLayer {
  /// The dimension D of the points.
  public let dimension: Int
  /// log of the per-coordinate scale.
  public let logScale: Parameter
  /// The per-coordinate shift, applied after scaling.
  public let bias: Parameter
  /// Whether the data-dependent initialisation has run.
  public internal(set) var isInitialised = false
  /// The layer's name; prefixes its parameter names.
  public let name: String
  private let workspace = Workspace()
  private var saved = SavedForward()

  /// An uninitialised ActNorm over `dimension` coordinates; `name` prefixes parameter names.
  public init(dimension: Int, name: String = "actnorm") {
    precondition(dimension > 0, "ActNorm needs a positive dimension, got \(dimension)")
    self.dimension = dimension
    self.name = name
    logScale = Parameter(name: name + ".logScale", values: Array(repeating: 0, count: dimension))
    bias = Parameter(name: name + ".bias", values: Array(repeating: 0, count: dimension))
  }

  /// The trainable parameters, by name, in a fixed order.
  public var parameters: [Parameter] { [logScale, bias] }
  var kind: String { "actnorm" }
  var savedState: [String: Float] { ["initialised": isInitialised ? 1 : 0] }
  func restore(_ state: [String: Float]) { isInitialised = state["initialised"] == 1 }

  /// Sets the parameters from the mean and standard deviation of `rows` points.
  private func initialise(from x: UnsafePointer<Float>, rows: Int) {
    for j in 0..<dimension {
      var mean = 0.0
      var square = 0.0
      for i in 0..<rows { mean += Double(x[i * dimension + j]) }
      mean /= Double(max(rows, 1))
      for i in 0..<rows { square += pow(Double(x[i * dimension + j]) - mean, 2) }
      let std = max((square / Double(max(rows, 1))).squareRoot(), 1e-6)
      logScale.value[j] = Float(-log(std))
      bias.value[j] = Float(-mean / std)
    }
    isInitialised = true
  }

  func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    if !isInitialised { initialise(from: x, rows: rows) }
    var total: Float = 0
    for j in 0..<dimension { total += logScale.value[j] }
    for i in 0..<rows {
      for j in 0..<dimension {
        y[i * dimension + j] = x[i * dimension + j] * expf(logScale.value[j]) + bias.value[j]
      }
      logDet[i] += total
    }
    workspace.keep(x, count: rows * dimension, as: "input")
    saved.record(rows: rows)
  }

  func inverse(
    _ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    var total: Float = 0
    for j in 0..<dimension { total += logScale.value[j] }
    for i in 0..<rows {
      for j in 0..<dimension {
        x[i * dimension + j] = (y[i * dimension + j] - bias.value[j]) * expf(-logScale.value[j])
      }
      logDet[i] -= total
    }
  }

  func backward(
    outputGradient dy: UnsafePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>,
    logDetGradient: Float, rows: Int
  ) {
    saved.check(rows: rows, layer: name)
    let x = workspace.buffer("input", count: rows * dimension)
    for j in 0..<dimension {
      let e = expf(logScale.value[j])
      var scaleGradient = Float(rows) * logDetGradient
      var biasGradient: Float = 0
      for i in 0..<rows {
        let g = dy[i * dimension + j]
        dx[i * dimension + j] = g * e
        scaleGradient += g * x[i * dimension + j] * e
        biasGradient += g
      }
      logScale.gradient[j] += scaleGradient
      bias.gradient[j] += biasGradient
    }
  }

  /// The same forward map for one point in `Double`: the reference finite-difference Jacobians are taken of.
  public func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double)? {
    let z = (0..<dimension).map {
      x[$0] * Foundation.exp(Double(logScale.value[$0])) + Double(bias.value[$0])
    }
    return (z, (0..<dimension).reduce(0) { $0 + Double(logScale.value[$1]) })
  }
}
