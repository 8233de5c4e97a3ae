import Autodiff
import Foundation

/// RealNVP's affine coupling layer (Dinh, Sohl-Dickstein & Bengio, *Density estimation using Real NVP*, 2017).
///
/// A binary mask splits each point `x` (dimension D) into a kept part `x_k` and a transformed part `x_t`.
/// A conditioner MLP of the kept part gives `(s_raw, t) = NN(x_k)` and, with `s = tanh(s_raw)` (or another
/// `ScaleBound`),
///
///     z_k = x_k,    z_t = x_t · exp(s) + t,    logDet = Σ s.
///
/// The Jacobian is triangular with diagonal `(1, …, exp(s))`, so its log-det is `Σ s`; the inverse
/// `x_t = (z_t − t) · exp(−s)` never inverts the network. `s` is bounded, by default with `tanh` (scale in
/// [1/e, e] per layer): an unbounded `s` lets early updates blow the scale up to Inf, and composing layers
/// recovers range. The autodiff form is in `AffineCoupling+Autodiff.swift`.
/// Shapes: batches rows×D; conditioner `|kept| → hidden → hidden → 2·|transformed|`.
public final class AffineCoupling: FlowLayer {
  /// The dimension D of the points.
  public let dimension: Int
  /// The coordinates passed through unchanged and fed to the conditioner.
  public let keptIndices: [Int]
  /// The coordinates scaled and shifted.
  public let transformedIndices: [Int]
  /// The layer's name; prefixes its parameter names.
  public let name: String
  /// How `s` is bounded from the conditioner's raw output (`tanh` unless chosen).
  public let scaleBound: ScaleBound
  let conditioner: Conditioner
  private let workspace = Workspace()
  private var saved = SavedForward()

  /// A coupling over `mask.count` coordinates: `mask[j] == true` keeps coordinate j. `hidden` is the
  /// conditioner width; `zeroInitialised` starts it at the identity map; `name` prefixes parameter names;
  /// `engine` is how the conditioner is evaluated (where it cannot be, `.dense`: see `engine`).
  public convenience init(
    mask: [Bool], hidden: Int, zeroInitialised: Bool = false, name: String = "coupling",
    scaleBound: ScaleBound = .tanh, engine: FlowEngine = .dense, generator: inout SeededGenerator
  ) {
    self.init(
      mask: mask, hidden: hidden, zeroInitialised: zeroInitialised, name: name, scaleBound: scaleBound,
      engine: engine, transient: Workspace(), generator: &generator)
  }

  /// The same, with the conditioner's backward-pass buffers in `transient` (shared by a flow's couplings).
  init(
    mask: [Bool], hidden: Int, zeroInitialised: Bool, name: String, scaleBound: ScaleBound,
    engine: FlowEngine, transient: Workspace, generator: inout SeededGenerator
  ) {
    precondition(
      mask.contains(true) && mask.contains(false),
      "a coupling mask must keep at least one and transform at least one coordinate, got \(mask)")
    precondition(hidden > 0, "the conditioner needs a positive hidden width, got \(hidden)")
    dimension = mask.count
    self.name = name
    self.scaleBound = scaleBound
    keptIndices = mask.indices.filter { mask[$0] }
    transformedIndices = mask.indices.filter { !mask[$0] }
    conditioner = Conditioner(
      name: name + ".conditioner", inputs: keptIndices.count, hidden: hidden,
      outputs: 2 * transformedIndices.count, zeroLast: zeroInitialised, engine: engine,
      transient: transient, generator: &generator)
  }

  /// The engine the conditioner runs: the requested one, or `.dense` where `.piecewise` does not apply.
  public var engine: FlowEngine { conditioner.engine }
  var couplingEngine: FlowEngine? { conditioner.engine }
  func blasCalls(rows: Int) -> [BLASCall] { conditioner.blasCalls(rows: rows) }
  /// The trainable parameters, by name, in a fixed order.
  public var parameters: [Parameter] { conditioner.parameters }
  var kind: String { "coupling" }

  // The per-row loops below index the coordinate lists (`for c in 0..<width`) instead of enumerating them:
  // in a debug build each step of `enumerated()` looked up the pair's tuple metadata, which was most of a
  // debug training step (the tests train and evaluate flows in debug builds).

  // region: conditioner
  /// Gathers the kept coordinates into a contiguous rows×|kept| block and runs the conditioner;
  /// row i of the result is (ŝ, t) for point i.
  private func conditionerOutput(
    _ x: UnsafePointer<Float>, rows: Int
  ) -> UnsafeMutablePointer<Float> {
    let kept = keptIndices.count
    let paired = 2 * transformedIndices.count
    let xk = workspace.buffer("xk", count: rows * kept)
    let out = workspace.buffer("out", count: rows * paired)
    for i in 0..<rows {
      for c in 0..<kept { xk[i * kept + c] = x[i * dimension + keptIndices[c]] }
    }
    conditioner.forward(xk, into: out, rows: rows)
    return out
  }
  // endregion

  // region: forward
  func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let out = conditionerOutput(x, rows: rows)
    let width = transformedIndices.count
    // Keep s and exp(s) for the backward pass.
    let scale = workspace.buffer("s", count: rows * width)
    let expScale = workspace.buffer("exp", count: rows * width)
    for i in 0..<rows {
      let xi = x + i * dimension
      let yi = y + i * dimension
      let oi = out + i * 2 * width
      for j in keptIndices { yi[j] = xi[j] }
      var sum: Float = 0
      for c in 0..<width {
        let j = transformedIndices[c]
        let s = scaleBound.apply(oi[c])
        let e = expf(s)
        scale[i * width + c] = s
        expScale[i * width + c] = e
        yi[j] = xi[j] * e + oi[width + c]
        sum += s
      }
      logDet[i] += sum
    }
    workspace.keep(x, count: rows * dimension, as: "input")
    saved.record(rows: rows)
  }
  // endregion

  // region: inverse
  func inverse(
    _ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let out = conditionerOutput(y, rows: rows)
    let width = transformedIndices.count
    for i in 0..<rows {
      let xi = x + i * dimension
      let yi = y + i * dimension
      let oi = out + i * 2 * width
      for j in keptIndices { xi[j] = yi[j] }
      var sum: Float = 0
      for c in 0..<width {
        let j = transformedIndices[c]
        let s = scaleBound.apply(oi[c])
        xi[j] = (yi[j] - oi[width + c]) * expf(-s)
        sum += s
      }
      logDet[i] -= sum
    }
    // The conditioner's buffers now hold the inverse pass: a backward pass needs a new forward pass.
    saved = SavedForward()
  }
  // endregion

  func backward(
    outputGradient dy: UnsafePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>,
    logDetGradient: Float, rows: Int
  ) {
    saved.check(rows: rows, layer: name)
    let x = UnsafePointer(workspace.buffer("input", count: rows * dimension))
    let width = transformedIndices.count
    let kept = keptIndices.count
    let scale = workspace.buffer("s", count: rows * width)
    let expScale = workspace.buffer("exp", count: rows * width)
    let dOut = workspace.buffer("dout", count: rows * 2 * width)
    let dxk = workspace.buffer("dxk", count: rows * kept)
    let xk = workspace.buffer("xk", count: rows * kept)
    for i in 0..<rows {
      let xi = x + i * dimension
      let dyi = dy + i * dimension
      let dxi = dx + i * dimension
      let di = dOut + i * 2 * width
      for c in 0..<width {
        let j = transformedIndices[c]
        let s = scale[i * width + c]
        let e = expScale[i * width + c]
        let g = dyi[j]
        // z_t = x_t·e^s + t:  ∂/∂s = z-gradient·x_t·e^s plus the log-det term, times ds/dŝ.
        di[c] = (g * xi[j] * e + logDetGradient) * scaleBound.derivative(bounded: s)
        di[width + c] = g
        dxi[j] = g * e
      }
    }
    conditioner.backward(outputGradient: dOut, input: xk, inputGradient: dxk, rows: rows)
    for i in 0..<rows {
      for c in 0..<kept {
        let j = keptIndices[c]
        dx[i * dimension + j] = dy[i * dimension + j] + dxk[i * kept + c]
      }
    }
  }

  /// The same forward map for one point in `Double`: the reference finite-difference Jacobians are taken of.
  public func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double)? {
    let out = conditioner.referenceForward(keptIndices.map { x[$0] })
    var z = x
    var logDet = 0.0
    for c in transformedIndices.indices {
      let j = transformedIndices[c]
      let s = scaleBound.apply(out[c])
      z[j] = x[j] * Foundation.exp(s) + out[transformedIndices.count + c]
      logDet += s
    }
    return (z, logDet)
  }
}
