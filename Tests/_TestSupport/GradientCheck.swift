import Autodiff
import Testing

/// Checks autodiff gradients against central finite differences, so each op's test is one line:
///
/// ```swift
/// @Test func tanh() { checkGradients([[3, 4]]) { $0[0].tanh() } }
/// ```
///
/// It draws inputs of the given shapes from a fixed seed (magnitudes in `values`), reduces the
/// function's output to a scalar with fixed random weights `w` (`L = Σ wᵢ fᵢ`, summed in `Double`)
/// and compares `∂L/∂input` from `backward()` with the five-point central difference
/// `(−L(x+2h) + 8L(x+h) − 8L(x−h) + L(x−2h)) / 12h` evaluated and combined in `Double`, whose
/// O(h⁴) truncation error lets `h` be large enough that `Float` rounding stays far below the
/// tolerance. Passes when `‖autodiff − numeric‖ ≤ tolerance · ‖numeric‖` for every input.
public func checkGradients(
  _ shapes: [[Int]], values: ClosedRange<Float> = 0.2...1.0, signs: InputSigns = .mixed,
  tolerance: Double = 1e-3, seed: UInt64 = 1, sourceLocation: SourceLocation = #_sourceLocation,
  _ function: ([Tensor]) -> Tensor
) {
  var rng = SeededGenerator(seed: seed)
  let inputs = shapes.map { shape in
    let tensor = Tensor.randomUniform(
      shape, in: values.lowerBound..<values.upperBound, using: &rng, requiresGradient: true)
    if signs == .mixed {
      tensor.withUnsafeMutableBufferPointer { scalars in
        for index in scalars.indices where rng.next() & 1 == 1 { scalars[index] = -scalars[index] }
      }
    }
    return tensor
  }
  checkGradients(of: inputs, tolerance: tolerance, sourceLocation: sourceLocation) {
    function(inputs)
  }
}

/// Checks the gradients of `function` with respect to existing tensors (e.g. a model's parameters,
/// which must require gradients) like `checkGradients(_:values:signs:tolerance:seed:_:)` does.
///
/// `step` is the relative difference step `h`; a ReLU network needs a smaller one, so that no
/// pre-activation crosses its kink between the sampled points.
public func checkGradients(
  of tensors: [Tensor], tolerance: Double = 1e-3, step: Double = 1e-2,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ function: () -> Tensor
) {
  var rng = SeededGenerator(seed: 99)
  for tensor in tensors { tensor.zeroGradient() }
  let output = function()
  let weights = Tensor.randomUniform(output.shape, in: -1..<1, using: &rng)
  func loss() -> Double {
    let values = withoutGradients { function() }
    return zip(values.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
  }
  output.backward(seed: weights)
  for (number, tensor) in tensors.enumerated() {
    let analytic =
      tensor.gradient?.scalars.map(Double.init) ?? Array(repeating: 0, count: tensor.count)
    let numeric = numericGradient(of: tensor, relativeStep: step, loss)
    let difference = zip(analytic, numeric).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    let scale = max(numeric.map { $0 * $0 }.reduce(0, +).squareRoot(), 1e-6)
    #expect(
      difference <= tolerance * scale,
      "tensor \(number) \(tensor.shape): relative error \(difference / scale); autodiff \(analytic), numeric \(numeric)",
      sourceLocation: sourceLocation)
  }
}

/// Which signs `checkGradients` gives its random inputs.
public enum InputSigns: Sendable {
  /// Each scalar positive or negative at random.
  case mixed
  /// All positive (for `log`, `squareRoot`, divisors).
  case positive
}

/// The five-point central difference of `loss` with respect to each scalar of `input`.
private func numericGradient(of input: Tensor, relativeStep: Double, _ loss: () -> Double)
  -> [Double]
{
  (0..<input.count).map { index in
    let original = input.withUnsafeBufferPointer { $0[index] }
    let step = relativeStep * max(1, Double(abs(original)))
    func shifted(by offset: Double) -> Double {
      input.withUnsafeMutableBufferPointer { $0[index] = Float(Double(original) + offset) }
      return loss()
    }
    let value =
      (-shifted(by: 2 * step) + 8 * shifted(by: step) - 8 * shifted(by: -step)
        + shifted(by: -2 * step)) / (12 * step)
    input.withUnsafeMutableBufferPointer { $0[index] = original }
    return value
  }
}
