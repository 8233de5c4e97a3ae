/// Updates parameters from their accumulated gradients (`torch.optim.Optimizer`).
///
/// The training step is the PyTorch one: `optimizer.zeroGradients()`, `loss.backward()`,
/// `optimizer.step()`. Parameters without a gradient (not reached by the loss) are left alone.
public protocol Optimizer {
  /// The tensors it updates, in place.
  var parameters: [Tensor] { get }
  /// Applies one update from the parameters' current gradients.
  mutating func step()
}

extension Optimizer {
  /// Sets every parameter's gradient to zero (keeping the buffers), before the next `backward()`.
  public func zeroGradients() {
    for parameter in parameters { parameter.zeroGradient() }
  }
}
