/// A multilayer perceptron: `Linear` layers with an activation between them and none after the
/// last, e.g. `MLP(sizes: [2, 64, 64, 4], activation: .relu, rng: &rng)` maps `[batch, 2]` to
/// `[batch, 4]` through two hidden layers of 64.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let mlp = MLP(sizes: [1, 128, 128, 1], activation: .relu, rng: &rng)
/// var optimizer = Adam(parameters: mlp.parameters, learningRate: 1e-3)
/// for _ in 0..<1000 {
///   optimizer.zeroGradients()
///   let loss = (mlp(x) - y).square().mean()
///   loss.backward()
///   optimizer.step()
/// }
/// ```
public struct MLP: Layer {
  /// The layers, from input to output.
  public let layers: [Linear]
  /// The nonlinearity after every layer but the last.
  public let activation: Activation

  /// An MLP from existing layers, whose sizes must chain.
  public init(layers: [Linear], activation: Activation) {
    usagePrecondition(!layers.isEmpty, "MLP: needs at least one layer")
    for (previous, next) in zip(layers, layers.dropFirst())
    where previous.outputSize != next.inputSize {
      fatalError(
        "MLP: layer sizes do not chain: \(previous.weight.shape) then \(next.weight.shape)")
    }
    self.layers = layers
    self.activation = activation
  }

  /// An MLP through `sizes` (input size, hidden sizes…, output size) with PyTorch's default
  /// initialisation of every `Linear`.
  public init(sizes: [Int], activation: Activation = .relu, rng: inout SeededGenerator) {
    usagePrecondition(
      sizes.count >= 2, "MLP: sizes needs at least an input and an output size, got \(sizes)")
    var layers: [Linear] = []
    for (inputSize, outputSize) in zip(sizes, sizes.dropFirst()) {
      layers.append(Linear(inputSize: inputSize, outputSize: outputSize, rng: &rng))
    }
    self.init(layers: layers, activation: activation)
  }

  /// The sizes it was built from: input, hidden…, output.
  public var sizes: [Int] { [layers[0].inputSize] + layers.map(\.outputSize) }

  /// All layers' parameters: weight and bias of each layer in order.
  public var parameters: [Tensor] { layers.flatMap(\.parameters) }

  /// Applies the layers with the activation in between.
  public func callAsFunction(_ input: Tensor) -> Tensor {
    var hidden = layers[0](input)
    for layer in layers.dropFirst() { hidden = layer(activation(hidden)) }
    return hidden
  }
}
