/// Stochastic gradient descent with optional momentum (`torch.optim.SGD`): `b ← μb + g`,
/// `p ← p − lr · b` (with `μ = 0`, simply `p ← p − lr · g`). Velocity buffers are allocated once.
public struct SGD: Optimizer {
  /// The tensors it updates.
  public let parameters: [Tensor]
  /// The step size `lr`.
  public var learningRate: Float
  /// The momentum `μ` (0 for plain gradient descent).
  public let momentum: Float
  private var velocities: [[Float]]

  /// An optimiser for `parameters`.
  public init(parameters: [Tensor], learningRate: Float, momentum: Float = 0) {
    usagePrecondition(
      momentum >= 0 && momentum < 1, "SGD: momentum must be in [0, 1), got \(momentum)")
    self.parameters = parameters
    self.learningRate = learningRate
    self.momentum = momentum
    velocities = parameters.map { Array(repeating: 0, count: $0.count) }
  }

  /// Applies one update to every parameter that has a gradient.
  public mutating func step() {
    let (momentum, learningRate) = (momentum, learningRate)
    for (index, parameter) in parameters.enumerated() {
      guard let gradient = parameter.gradient else { continue }
      gradient.withUnsafeBufferPointer { g in
        parameter.withUnsafeMutableBufferPointer { p in
          velocities[index].withUnsafeMutableBufferPointer { b in
            for i in 0..<p.count {
              b[i] = momentum * b[i] + g[i]
              p[i] -= learningRate * b[i]
            }
          }
        }
      }
    }
  }
}
