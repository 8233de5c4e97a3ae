import Autodiff

/// Everything a layer of a `Flow` provides, each form next to the others in the layer's own files:
/// - the fast form: pointer-based forward, inverse and a hand-derived backward pass over row-major batches,
///   reusing buffers so a training step allocates nothing;
/// - the autodiff form (`Layer+Autodiff.swift`): the same forward map on `Tensor`s, the independent
///   reference and the autodiff training engine;
/// - the `Double` reference forward pass (`Bijector.referenceForward`), which finite-difference Jacobians are
///   taken of;
/// - its name, kind and saved state, which `FlowArchive` asks for.
///
/// `forward` and `inverse` *add* each row's log-det to `logDet` so a flow accumulates the total in one
/// buffer. `backward` differentiates the most recent `forward` (over the same rows; the layer copies what it
/// needs into its own buffers): given dL/dy and the weight `logDetGradient` = dL/d(logDet) of every row's
/// log-det in the loss, it writes dL/dx and adds into parameter gradients.
protocol FlowLayer: Bijector {
  /// A unique name within the flow, e.g. `layer3.coupling`; prefixes the parameter names.
  var name: String { get }
  func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int)
  func inverse(
    _ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int)
  func backward(
    outputGradient dy: UnsafePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>,
    logDetGradient: Float, rows: Int)
  /// Which layer kind this is, for messages ("coupling", "actnorm", "lulinear", "flow", "tensor").
  var kind: String { get }
  /// The autodiff form: the forward map on `x` ([n, D]) with the parameters given as tensors, in the order of
  /// `parameters`; returns `z` and the per-point log-det, shape [n].
  func forward(_ x: Tensor, parameters: ArraySlice<Tensor>) -> (z: Tensor, logDet: Tensor)
  /// State besides the parameters that a saved flow must keep (ActNorm's initialisation flag), by key.
  var savedState: [String: Float] { get }
  /// Restores what `savedState` returned.
  func restore(_ state: [String: Float])
  /// For a coupling, the engine its conditioner runs; nil for other layers.
  var couplingEngine: FlowEngine? { get }
  /// The BLAS calls of one forward and backward pass over `rows` rows.
  func blasCalls(rows: Int) -> [BLASCall]
}

extension FlowLayer {
  var savedState: [String: Float] { [:] }
  func restore(_ state: [String: Float]) {}
  var couplingEngine: FlowEngine? { nil }
  func blasCalls(rows: Int) -> [BLASCall] { [] }
}

/// Largest number of rows the `Batch` API pushes through a layer at once; bounds workspace memory.
let batchChunkRows = 1024

extension FlowLayer {
  /// Data → latent for a batch, chunked so workspaces stay small.
  public func forward(_ x: Batch) -> (z: Batch, logDet: [Float]) {
    mapInChunks(x) { forward($0, into: $1, addingLogDetTo: $2, rows: $3) }
  }

  /// Latent → data for a batch; the log-det is log|det ∂x/∂z|, minus the forward one.
  public func inverse(_ z: Batch) -> (x: Batch, logDet: [Float]) {
    mapInChunks(z) { inverse($0, into: $1, addingLogDetTo: $2, rows: $3) }
  }
}

extension Bijector {
  /// Applies a pointer-level map to `input` in chunks of at most `batchChunkRows` rows.
  func mapInChunks(
    _ input: Batch,
    _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int) ->
      Void
  ) -> (Batch, [Float]) {
    precondition(
      input.dimension == dimension,
      "\(Self.self) acts on \(dimension)-D points but got a batch of dimension \(input.dimension)")
    var output = [Float](repeating: 0, count: input.values.count)
    var logDet = [Float](repeating: 0, count: input.count)
    input.values.withUnsafeBufferPointer { x in
      output.withUnsafeMutableBufferPointer { y in
        logDet.withUnsafeMutableBufferPointer { l in
          var start = 0
          while start < input.count {
            let rows = min(batchChunkRows, input.count - start)
            body(
              x.baseAddress! + start * dimension, y.baseAddress! + start * dimension,
              l.baseAddress! + start, rows)
            start += rows
          }
        }
      }
    }
    return (Batch(count: input.count, dimension: dimension, values: output), logDet)
  }
}
