/// An exponential moving average of a flow's parameters (Polyak averaging), `θ̄ ← d·θ̄ + (1 − d)·θ` after
/// every update; `apply()` puts the average into the parameters. Averaging the last few thousand iterates
/// smooths the noise of the final minibatch steps, which lowers held-out NLL at the same training cost.
final class WeightAverage {
  private let parameters: [Parameter]
  private let shadow: [FloatBuffer]
  let decay: Float

  /// An average starting at the current values.
  init(parameters: [Parameter], decay: Float) {
    self.parameters = parameters
    self.decay = decay
    shadow = parameters.map { FloatBuffer($0.value.array) }
  }

  /// Folds the current values into the average.
  func update() {
    for (parameter, average) in zip(parameters, shadow) {
      Kernels.average(average.pointer, with: parameter.value.pointer, count: parameter.count, decay: decay)
    }
  }

  /// Sets every parameter to its average.
  func apply() {
    for (parameter, average) in zip(parameters, shadow) {
      parameter.value.pointer.update(from: average.pointer, count: parameter.count)
    }
  }
}
