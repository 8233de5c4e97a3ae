import Foundation
import _FlowKernels

/// Adam (Kingma & Ba 2015) with PyTorch's defaults and update formula, in one fused sweep per parameter:
///
///     m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²,   θ ← θ − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
///
/// Moments live in one buffer each, allocated once; parameters stored back to back (a `Flow`'s are) are
/// updated in one vectorised pass; `step` allocates nothing.
///
/// With `exactRounding` (the default) each update repeats NeuralNet's `Adam` operation for operation, so it
/// rounds the same (the dense engine's loss curve is the autodiff one). Without, it takes the one-division
/// form `θ ← θ − (lr/(1−β₁ᵗ))·m / (√(v·(1/(1−β₂ᵗ))) + ε)` with fused multiply-adds: about 1.6× faster and a
/// few ulps apart per update, for the piecewise engine, which rounds differently from autodiff anyway.
public final class FusedAdam {
  /// The parameters updated, in a fixed order.
  public let parameters: [Parameter]
  /// Exponential decay rates of the first and second moments.
  public let beta1: Float, beta2: Float
  /// Added to the denominator for numerical safety.
  public let epsilon: Float
  /// Whether updates round exactly like NeuralNet's `Adam` (see the type's comment).
  public let exactRounding: Bool
  private let firstMoments: FloatBuffer
  private let secondMoments: FloatBuffer
  /// Runs of parameters whose values and gradients are contiguous: start of values, of gradients, of the
  /// moments, and length.
  private let runs:
    [(value: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>, moment: Int, count: Int)]
  /// Number of updates applied so far.
  public private(set) var stepCount = 0

  /// An optimiser for `parameters`.
  public init(
    parameters: [Parameter], beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
    exactRounding: Bool = true
  ) {
    self.parameters = parameters
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.exactRounding = exactRounding
    let total = parameters.reduce(0) { $0 + $1.count }
    firstMoments = FloatBuffer(count: total)
    secondMoments = FloatBuffer(count: total)
    var runs: [(value: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>, moment: Int, count: Int)] =
      []
    var offset = 0
    for parameter in parameters {
      if let last = runs.last, last.value + last.count == parameter.value.pointer,
        last.gradient + last.count == parameter.gradient.pointer
      {
        runs[runs.count - 1].count += parameter.count
      } else {
        runs.append((parameter.value.pointer, parameter.gradient.pointer, offset, parameter.count))
      }
      offset += parameter.count
    }
    self.runs = runs
  }

  /// The optimiser that trains `flow`: exact rounding unless the flow was built for the piecewise engine.
  public convenience init(for flow: Flow) {
    self.init(parameters: flow.parameters, exactRounding: flow.engine != .piecewise)
  }

  /// Applies one update with learning rate `learningRate` from the parameters' current gradients.
  public func step(learningRate: Float) {
    stepCount += 1
    // Bias corrections as NeuralNet's Adam computes them (powers in Double).
    let correction1 = 1 - Float(Foundation.pow(Double(beta1), Double(stepCount)))
    let correction2 = 1 - Float(Foundation.pow(Double(beta2), Double(stepCount)))
    for run in runs {
      let (m, v) = (firstMoments.pointer + run.moment, secondMoments.pointer + run.moment)
      if exactRounding {
        Kernels.adamUpdate(
          theta: run.value, gradient: run.gradient, m: m, v: v, count: run.count, beta1: beta1,
          beta2: beta2, learningRate: learningRate, correction1: correction1, correction2: correction2,
          epsilon: epsilon)
      } else {
        fk_pw_adam(
          run.value, run.gradient, m, v, run.count, beta1, beta2, learningRate / correction1,
          1 / correction2, epsilon)
      }
    }
  }

  /// Sets every parameter's gradient to zero.
  public func zeroGradients() {
    for run in runs { run.gradient.update(repeating: 0, count: run.count) }
  }

  /// Scales all gradients down so their joint L2 norm is at most `maxNorm`; returns the norm before clipping.
  @discardableResult
  public func clipGradients(maxNorm: Float) -> Float {
    var square: Double = 0
    for parameter in parameters {
      let g = parameter.gradient.pointer
      for i in 0..<parameter.count { square += Double(g[i] * g[i]) }
    }
    let norm = Float(square.squareRoot())
    if norm > maxNorm {
      let scale = maxNorm / (norm + 1e-6)
      for parameter in parameters {
        let g = parameter.gradient.pointer
        for i in 0..<parameter.count { g[i] *= scale }
      }
    }
    return norm
  }
}
