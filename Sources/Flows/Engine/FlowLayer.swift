/// The engine-level contract of a trainable flow layer: pointer-based forward, inverse and a hand-derived
/// backward pass over row-major batches, reusing buffers so a training step allocates nothing.
///
/// `forward` and `inverse` *add* each row's log-det to `logDet` so a flow accumulates the total in one
/// buffer. `backward` differentiates the most recent `forward`: given dL/dy and the weight `logDetGradient`
/// = dL/d(logDet) of every row's log-det in the loss, it writes dL/dx and adds into parameter gradients.
protocol FlowLayer: Bijector {
  func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int)
  func inverse(
    _ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int)
  func backward(
    outputGradient dy: UnsafePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>,
    logDetGradient: Float, rows: Int)
  /// The same forward map for one point, evaluated in `Double` from the `Float` parameters: the
  /// independent reference that finite-difference Jacobians are taken of.
  func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double)
  /// Which layer kind this is, for saved files and messages ("coupling", "actnorm", "lulinear").
  var kind: String { get }
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
