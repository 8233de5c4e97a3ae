/// A rank-0, rank-1 or rank-2 array of `Float` (row-major) that records the operations made from
/// it, so `backward()` can compute gradients — FlowBook's small counterpart of `torch.Tensor`.
///
/// **Reference model.** Like a PyTorch tensor, a `Tensor` is a reference (a final class). Every
/// operation returns a new tensor and never changes its inputs, so sharing a tensor is safe; the
/// only in-place changes are `withUnsafeMutableBufferPointer` (used by optimisers to update
/// parameters) and gradient accumulation. Changing a tensor's values after it was used in a graph
/// makes that graph's gradients stale, as in PyTorch.
///
/// **Shapes.** `[]` is a scalar, `[n]` a vector, `[rows, columns]` a matrix (a batch of rows).
/// Elementwise operations broadcast a scalar, a row (`[c]` or `[1, c]`) or a column (`[r, 1]`)
/// against `[r, c]`; any other pair of different shapes stops the program with a message naming both
/// (`usagePrecondition`, printed in release builds too).
///
/// **Gradients.** A tensor made with `requiresGradient: true` is a *leaf* (a parameter or an input
/// you differentiate with respect to). An operation on tensors of which one requires a gradient
/// records its inputs and a backward step; `loss.backward()` sorts that graph topologically, seeds
/// `∂loss/∂loss = 1` and sweeps it in reverse, adding into every leaf's `gradient` (like PyTorch,
/// gradients accumulate until `zeroGradient()`). Inside `withoutGradients { … }` nothing is recorded.
///
/// ```swift
/// var rng = SeededGenerator(seed: 7)
/// let w = Tensor.randomNormal([3, 1], using: &rng, requiresGradient: true)
/// let x = Tensor.randomNormal([8, 3], using: &rng)
/// let loss = x.matmul(w).square().mean()
/// loss.backward()
/// print(w.gradient!)        // ∂loss/∂w, shape [3, 1]
/// ```
public final class Tensor {
  /// The dimensions: `[]`, `[n]` or `[rows, columns]`.
  public let shape: [Int]
  /// The number of scalars (the product of `shape`).
  public let count: Int
  /// Row-major scalars, owned by this tensor.
  let storage: UnsafeMutablePointer<Float>

  /// Whether gradients flow to this tensor: set for leaves you differentiate with respect to,
  /// inferred for results of recorded operations.
  public var requiresGradient: Bool {
    didSet {
      usagePrecondition(
        backwardStep == nil || requiresGradient,
        "requiresGradient: cannot switch off gradients of the result of an operation (\(operation))"
      )
    }
  }
  /// The accumulated `∂loss/∂self` after `backward()`; kept in place between steps for leaves.
  public internal(set) var gradient: Tensor?
  /// The tensors this one was computed from (empty for leaves and when nothing was recorded).
  var parents: [Tensor] = []
  /// Adds this tensor's gradient (given as a pointer to it) into its parents' gradients.
  var backwardStep: BackwardStep?
  /// A short name of the operation that produced this tensor, for messages.
  var operation: String = "leaf"

  /// Allocates a tensor whose scalars the caller fills in before anyone reads them.
  init(uninitializedShape shape: [Int]) {
    usagePrecondition(
      shape.count <= 2, "Tensor: only ranks 0, 1 and 2 are supported, got shape \(shape)")
    usagePrecondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
    self.shape = shape
    self.count = shape.reduce(1, *)
    self.storage = .allocate(capacity: Swift.max(count, 1))
    self.requiresGradient = false
  }

  deinit { storage.deallocate() }

  /// A tensor of `shape` holding `scalars` in row-major order.
  public convenience init(shape: [Int], scalars: [Float], requiresGradient: Bool = false) {
    self.init(uninitializedShape: shape)
    usagePrecondition(
      scalars.count == count, "Tensor: shape \(shape) needs \(count) scalars, got \(scalars.count)")
    scalars.withUnsafeBufferPointer { storage.update(from: $0.baseAddress!, count: count) }
    self.requiresGradient = requiresGradient
  }

  /// A vector (shape `[n]`).
  public convenience init(_ scalars: [Float], requiresGradient: Bool = false) {
    self.init(shape: [scalars.count], scalars: scalars, requiresGradient: requiresGradient)
  }

  /// A matrix (shape `[rows.count, columns]`) from its rows, which must all have the same length.
  public convenience init(_ rows: [[Float]], requiresGradient: Bool = false) {
    let columns = rows.first?.count ?? 0
    for (index, row) in rows.enumerated() {
      usagePrecondition(
        row.count == columns, "Tensor: row \(index) has \(row.count) scalars, row 0 has \(columns)")
    }
    self.init(
      shape: [rows.count, columns], scalars: rows.flatMap { $0 }, requiresGradient: requiresGradient
    )
  }

  /// A scalar (shape `[]`).
  public convenience init(_ value: Float, requiresGradient: Bool = false) {
    self.init(shape: [], scalars: [value], requiresGradient: requiresGradient)
  }

  /// A tensor of `shape` with every scalar equal to `value`.
  public convenience init(repeating value: Float, shape: [Int], requiresGradient: Bool = false) {
    self.init(uninitializedShape: shape)
    storage.initialize(repeating: value, count: count)
    self.requiresGradient = requiresGradient
  }

  /// Zeros of `shape`.
  public static func zeros(_ shape: [Int], requiresGradient: Bool = false) -> Tensor {
    Tensor(repeating: 0, shape: shape, requiresGradient: requiresGradient)
  }

  /// Ones of `shape`.
  public static func ones(_ shape: [Int], requiresGradient: Bool = false) -> Tensor {
    Tensor(repeating: 1, shape: shape, requiresGradient: requiresGradient)
  }

  // MARK: - Reading values

  /// The scalars in row-major order (a copy).
  public var scalars: [Float] { Array(UnsafeBufferPointer(start: storage, count: count)) }

  /// The rows of a matrix (a copy); a vector is one row, a scalar one row of one.
  public var rows: [[Float]] {
    let (rowCount, columnCount) = matrixShape
    return (0..<rowCount).map {
      Array(UnsafeBufferPointer(start: storage + $0 * columnCount, count: columnCount))
    }
  }

  /// The only scalar of a one-element tensor, e.g. a loss.
  public var item: Float {
    usagePrecondition(count == 1, "item: tensor of shape \(shape) has \(count) scalars, not one")
    return storage[0]
  }

  /// The scalar at `index` of a vector.
  public subscript(index: Int) -> Float {
    usagePrecondition(
      shape.count == 1 && shape[0] > index && index >= 0,
      "subscript: index \(index) outside shape \(shape)")
    return storage[index]
  }

  /// The scalar at `row`, `column` of a matrix.
  public subscript(row: Int, column: Int) -> Float {
    usagePrecondition(
      shape.count == 2 && (0..<shape[0]).contains(row) && (0..<shape[1]).contains(column),
      "subscript: index [\(row), \(column)] outside shape \(shape)")
    return storage[row * shape[1] + column]
  }

  /// Reads the scalars without copying.
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows
    -> R
  {
    try body(UnsafeBufferPointer(start: storage, count: count))
  }

  /// Changes the scalars in place — for optimisers and initialisers; see the reference model above.
  public func withUnsafeMutableBufferPointer<R>(
    _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
  ) rethrows
    -> R
  {
    try body(UnsafeMutableBufferPointer(start: storage, count: count))
  }

  /// The shape seen as a matrix: a scalar is `1×1`, a vector `[n]` is one row `1×n`.
  var matrixShape: (rows: Int, columns: Int) {
    switch shape.count {
    case 0: (1, 1)
    case 1: (1, shape[0])
    default: (shape[0], shape[1])
    }
  }
}
