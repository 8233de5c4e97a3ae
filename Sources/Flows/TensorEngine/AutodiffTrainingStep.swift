import Autodiff
import NeuralNet

/// One optimisation step of the autodiff engine: the flow's layers run in their `Tensor` forms
/// (`AutodiffFlow`), `backward()` on the loss gives the gradients, NeuralNet's `Adam` updates the tensors,
/// and the new values are written back into the flow's parameters, so the flow evaluates (and is saved)
/// exactly as trained.
final class AutodiffTrainingStep: FlowTrainingStep {
  let flow: Flow
  private var started: (reference: AutodiffFlow, optimizer: Adam)?

  /// A stepper for `flow`, starting from its parameters at the first step.
  init(flow: Flow) { self.flow = flow }

  func run(_ batch: Batch, learningRate: Float, clipNorm: Float?, step: Int) throws -> Float {
    if started == nil {
      // Data-dependent initialisation (ActNorm) from the first batch, as the plain-arrays engine does,
      // before the tensors copy the parameters.
      _ = flow.forward(batch)
      let reference = AutodiffFlow(copying: flow)
      started = (reference, Adam(parameters: reference.parameters))
    }
    let (reference, _) = started!
    started!.optimizer.zeroGradients()
    let loss = reference.negativeLogLikelihood(
      Tensor(shape: [batch.count, batch.dimension], scalars: batch.values))
    guard loss.item.isFinite else { throw FlowError.nonFinite(step: step, layer: nil) }
    loss.backward()
    if let clipNorm { _ = clipGradients(of: reference.parameters, maxNorm: clipNorm) }
    started!.optimizer.learningRate = learningRate
    started!.optimizer.step()
    for (parameter, tensor) in zip(flow.parameters, reference.parameters) {
      tensor.withUnsafeBufferPointer { parameter.value.pointer.update(from: $0.baseAddress!, count: $0.count) }
    }
    return loss.item
  }
}
