/// An exponential moving average of a flow's parameters (Polyak averaging), `θ̄ ← d·θ̄ + (1 − d)·θ` after
/// every update; `apply()` puts the average into the parameters. Averaging the last few thousand iterates
/// smooths the noise of the final minibatch steps, which lowers held-out NLL at the same training cost.
///
/// The average starts at the initial values, so early on the decay is lowered to `(1 + t)/(10 + t)` at
/// update t when that is smaller than `decay`: the average then spans about the last tenth of the steps
/// taken, not the untrained start (with d = 0.999 a 600-step run would otherwise keep 0.999⁶⁰⁰ = 55 % of
/// the initial values). From t ≈ 9,000 on, `decay` itself applies.
final class WeightAverage {
  private let parameters: [Parameter]
  private let shadow: [FloatBuffer]
  let decay: Float
  private var updates = 0

  /// An average starting at the current values.
  init(parameters: [Parameter], decay: Float) {
    self.parameters = parameters
    self.decay = decay
    shadow = parameters.map { FloatBuffer($0.value.array) }
  }

  /// The decay used at the next update.
  var currentDecay: Float { min(decay, Float(updates + 2) / Float(updates + 11)) }

  /// Folds the current values into the average.
  func update() {
    let d = currentDecay
    for (parameter, average) in zip(parameters, shadow) {
      Kernels.average(average.pointer, with: parameter.value.pointer, count: parameter.count, decay: d)
    }
    updates += 1
  }

  /// Sets every parameter to its average.
  func apply() {
    for (parameter, average) in zip(parameters, shadow) {
      parameter.value.pointer.update(from: average.pointer, count: parameter.count)
    }
  }
}
