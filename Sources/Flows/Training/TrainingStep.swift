/// One optimisation step of an engine: loss of a minibatch, gradients, update; returns the loss before the update.
protocol FlowTrainingStep {
  func run(_ batch: Batch, learningRate: Float, clipNorm: Float?, step: Int) throws -> Float
}

/// One optimisation step of a flow: forward with cached activations, loss, hand-derived backward, Adam update.
///
/// Holds the few buffers a step needs beyond the layers' own workspaces, sized once for `rows` points.
public final class TrainingStep: FlowTrainingStep {
  /// The flow being trained.
  public let flow: Flow
  /// The optimiser updating the flow's parameters.
  public let optimiser: FusedAdam
  private let rows: Int
  private let latent: FloatBuffer, logDet: FloatBuffer, latentGradient: FloatBuffer,
    inputGradient: FloatBuffer

  /// A stepper for minibatches of exactly `rows` points.
  public init(flow: Flow, optimiser: FusedAdam, rows: Int) {
    self.flow = flow
    self.optimiser = optimiser
    self.rows = rows
    latent = FloatBuffer(count: rows * flow.dimension)
    logDet = FloatBuffer(count: rows)
    latentGradient = FloatBuffer(count: rows * flow.dimension)
    inputGradient = FloatBuffer(count: rows * flow.dimension)
  }

  /// Runs one step on `batch` and returns its loss (mean NLL before the update); `step` (1-based) names the step
  /// in a `FlowError.nonFinite`.
  @discardableResult
  public func run(_ batch: Batch, learningRate: Float, clipNorm: Float? = nil, step: Int) throws
    -> Float
  {
    let loss = try lossAndGradients(batch, step: step)
    if let clipNorm { optimiser.clipGradients(maxNorm: clipNorm) }
    optimiser.step(learningRate: learningRate)
    return loss
  }

  /// The loss of `batch` with the parameters' gradients set to d(loss)/d(parameter) (no update).
  public func lossAndGradients(_ batch: Batch, step: Int = 0) throws -> Float {
    precondition(
      batch.count == rows && batch.dimension == flow.dimension,
      "this training step takes \(rows)×\(flow.dimension) batches, got \(batch.count)×\(batch.dimension)"
    )
    let d = flow.dimension
    let n = Float(rows)
    optimiser.zeroGradients()
    logDet.fill(0)
    return try batch.values.withUnsafeBufferPointer { x in
      flow.forward(x.baseAddress!, into: latent.pointer, addingLogDetTo: logDet.pointer, rows: rows)
      var total: Double = 0
      let z = latent.pointer
      let dz = latentGradient.pointer
      for i in 0..<rows {
        total += Double(Flow.baseLogDensity(z + i * d, dimension: d) + logDet[i])
        // d(−log N(z))/dz = z, averaged over the batch.
        for j in 0..<d { dz[i * d + j] = z[i * d + j] / n }
      }
      let loss = Float(-total / Double(rows))
      guard loss.isFinite else {
        throw FlowError.nonFinite(step: step, layer: firstNonFiniteLayer())
      }
      flow.backward(
        outputGradient: dz, inputGradient: inputGradient.pointer, logDetGradient: -1 / n, rows: rows
      )
      return loss
    }
  }

  /// The name of the first layer whose cached output holds NaN or Inf, if any.
  private func firstNonFiniteLayer() -> String? {
    let d = flow.dimension
    for l in flow.stages.indices {
      let output = l == flow.stages.count - 1 ? latent.pointer : flow.activation(l + 1, rows: rows)
      if (0..<(rows * d)).contains(where: { !output[$0].isFinite }) { return flow.stages[l].name }
    }
    return (0..<rows).contains(where: { !logDet[$0].isFinite }) ? "log-det" : nil
  }
}
