/// A backward step: given the op's result and a pointer to `∂loss/∂result` (same count as the
/// result), adds each input's share into that input's gradient.
typealias BackwardStep = (_ result: Tensor, _ resultGradient: UnsafePointer<Float>) -> Void

extension Tensor {
  // MARK: - Recording

  /// Records that this freshly computed tensor came from `inputs` through `operation`, with
  /// `backward` to propagate gradients — unless recording is off or no input needs a gradient.
  func recorded(_ operation: String, from inputs: Tensor..., backward: @escaping BackwardStep)
    -> Tensor
  {
    recorded(operation, from: inputs, backward: backward)
  }

  /// `recorded(_:from:backward:)` for an array of inputs.
  func recorded(_ operation: String, from inputs: [Tensor], backward: @escaping BackwardStep)
    -> Tensor
  {
    guard GradientMode.isRecording, inputs.contains(where: \.requiresGradient) else { return self }
    self.operation = operation
    self.parents = inputs
    self.backwardStep = backward
    self.requiresGradient = true
    return self
  }

  /// Lets `body` add into this tensor's gradient buffer (allocated zeroed on first use); does
  /// nothing when this tensor does not require a gradient.
  func accumulateGradient(_ body: (UnsafeMutablePointer<Float>) -> Void) {
    guard requiresGradient else { return }
    if gradient == nil { gradient = Tensor(repeating: 0, shape: shape) }
    body(gradient!.storage)
  }

  /// Adds `resultGradient[i] * derivative(i)` into the gradient of this same-shape input.
  @inline(__always)
  func accumulateElementwise(_ resultGradient: UnsafePointer<Float>, _ derivative: (Int) -> Float) {
    accumulateGradient { gradient in
      for index in 0..<count { gradient[index] += resultGradient[index] * derivative(index) }
    }
  }

  // MARK: - Backward sweep

  /// Computes `∂self/∂leaf` for every leaf that requires a gradient and adds it into `leaf.gradient`.
  ///
  /// `self` must have one scalar (a loss); use `backward(seed:)` for other shapes.
  public func backward() {
    usagePrecondition(
      count == 1, "backward(): the tensor has shape \(shape); pass backward(seed:) of that shape")
    backward(seed: Tensor(repeating: 1, shape: shape))
  }

  /// Back-propagates `seed` (a tensor of this tensor's shape, e.g. a one-hot column to get one row
  /// of a Jacobian): every leaf's gradient grows by `seedᵀ · ∂self/∂leaf`.
  public func backward(seed: Tensor) {
    usagePrecondition(
      seed.shape == shape,
      "backward(seed:): seed has shape \(seed.shape), the tensor has shape \(shape)")
    usagePrecondition(
      requiresGradient,
      "backward: the tensor (shape \(shape)) depends on no tensor with requiresGradient, "
        + "or it was computed inside withoutGradients")
    accumulateGradient { gradient in
      for index in 0..<count { gradient[index] += seed.storage[index] }
    }
    for node in topologicalOrder().reversed() {
      guard let step = node.backwardStep, let nodeGradient = node.gradient else { continue }
      step(node, nodeGradient.storage)
      // Results of operations keep no gradient (as in PyTorch); leaves keep theirs.
      node.gradient = nil
    }
  }

  /// Sets this tensor's accumulated gradient to zero, keeping its buffer for the next step.
  public func zeroGradient() {
    guard let gradient else { return }
    gradient.storage.update(repeating: 0, count: gradient.count)
  }

  /// The graph behind this tensor, inputs before the results computed from them.
  func topologicalOrder() -> [Tensor] {
    var visited = Set<ObjectIdentifier>()
    var order: [Tensor] = []
    // An iterative depth-first search, so deep graphs (long flows) cannot overflow the stack.
    var stack: [(node: Tensor, expanded: Bool)] = [(self, false)]
    while let (node, expanded) = stack.popLast() {
      if expanded {
        order.append(node)
        continue
      }
      guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
      stack.append((node, true))
      for parent in node.parents
      where parent.requiresGradient && !visited.contains(ObjectIdentifier(parent)) {
        stack.append((parent, false))
      }
    }
    return order
  }
}
