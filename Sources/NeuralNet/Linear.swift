/// A fully connected layer `y = x·W + b` (`torch.nn.Linear`).
///
/// Shapes: `x` `[batch, inputSize]`, `W` (`weight`) `[inputSize, outputSize]` — stored input-major
/// so the forward product needs no transpose — `b` (`bias`) `[outputSize]`, `y` `[batch, outputSize]`.
/// Runs as one fused `Tensor.linear(weight:bias:)` operation (one sgemm onto the broadcast bias).
///
/// Initialisation (PyTorch's default, He et al. 2015 with `a = √5`): every scalar of `W` and `b`
/// uniform in `[−1/√inputSize, 1/√inputSize)`.
public struct Linear: Layer {
  /// `W`, shape `[inputSize, outputSize]`.
  public let weight: Tensor
  /// `b`, shape `[outputSize]`.
  public let bias: Tensor

  /// A layer with the given parameters (which should require gradients to be trained).
  public init(weight: Tensor, bias: Tensor) {
    usagePrecondition(
      weight.shape.count == 2,
      "Linear: weight must be a matrix [in, out], got shape \(weight.shape)")
    usagePrecondition(
      bias.shape == [weight.shape[1]],
      "Linear: bias has shape \(bias.shape), expected [\(weight.shape[1])] for weight \(weight.shape)"
    )
    self.weight = weight
    self.bias = bias
  }

  /// The input size (features in).
  public var inputSize: Int { weight.shape[0] }
  /// The output size (features out).
  public var outputSize: Int { weight.shape[1] }

  /// `[weight, bias]`.
  public var parameters: [Tensor] { [weight, bias] }

  /// `input · W + b`.
  public func callAsFunction(_ input: Tensor) -> Tensor {
    usagePrecondition(
      input.shape.count == 2 && input.shape[1] == inputSize,
      "Linear: input has shape \(input.shape), expected [batch, \(inputSize)] for weight \(weight.shape)"
    )
    return input.linear(weight: weight, bias: bias)
  }
}

extension Linear {
  /// A layer from `inputSize` to `outputSize` features with PyTorch's default initialisation.
  public init(inputSize: Int, outputSize: Int, rng: inout SeededGenerator) {
    usagePrecondition(
      inputSize > 0 && outputSize > 0,
      "Linear: sizes must be positive, got \(inputSize) → \(outputSize)")
    let bound = 1 / Float(inputSize).squareRoot()
    self.init(
      weight: Tensor.randomUniform(
        [inputSize, outputSize], in: -bound..<bound, using: &rng, requiresGradient: true),
      bias: Tensor.randomUniform(
        [outputSize], in: -bound..<bound, using: &rng, requiresGradient: true))
  }
}
