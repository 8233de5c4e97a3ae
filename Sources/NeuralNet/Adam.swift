import Foundation

/// Adam with bias correction (Kingma & Ba 2015, `torch.optim.Adam`). For each parameter `p` with
/// gradient `g`, at step `t = 1, 2, …`:
///
///     m ← β₁m + (1 − β₁)g        v ← β₂v + (1 − β₂)g²
///     p ← p − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
///
/// The moment buffers `m`, `v` are allocated once, at construction.
public struct Adam: Optimizer {
  /// The tensors it updates.
  public let parameters: [Tensor]
  /// The step size `lr`.
  public var learningRate: Float
  /// Decay of the first moment, `β₁`.
  public let beta1: Float
  /// Decay of the second moment, `β₂`.
  public let beta2: Float
  /// Added to the denominator for stability, `ε`.
  public let epsilon: Float
  /// The number of steps taken, `t`.
  public private(set) var stepCount = 0
  private var firstMoments: [[Float]]
  private var secondMoments: [[Float]]

  /// An optimiser for `parameters` with PyTorch's defaults (`β₁ = 0.9`, `β₂ = 0.999`, `ε = 1e-8`).
  public init(
    parameters: [Tensor], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
    epsilon: Float = 1e-8
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    firstMoments = parameters.map { Array(repeating: 0, count: $0.count) }
    secondMoments = firstMoments
  }

  /// Applies one Adam update to every parameter that has a gradient.
  public mutating func step() {
    stepCount += 1
    let correction1 = 1 - Float(Foundation.pow(Double(beta1), Double(stepCount)))
    let correction2 = 1 - Float(Foundation.pow(Double(beta2), Double(stepCount)))
    let (beta1, beta2, epsilon, learningRate) = (beta1, beta2, epsilon, learningRate)
    for (index, parameter) in parameters.enumerated() {
      guard let gradient = parameter.gradient else { continue }
      gradient.withUnsafeBufferPointer { g in
        parameter.withUnsafeMutableBufferPointer { p in
          firstMoments[index].withUnsafeMutableBufferPointer { m in
            secondMoments[index].withUnsafeMutableBufferPointer { v in
              for i in 0..<p.count {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                p[i] -=
                  learningRate * (m[i] / correction1)
                  / ((v[i] / correction2).squareRoot() + epsilon)
              }
            }
          }
        }
      }
    }
  }
}
