/// Two tensors, or a tensor and an operation, whose shapes do not fit; the message names the
/// operation and every shape involved, e.g. `matmul: shapes [4, 3] and [2, 5] do not fit (3 ≠ 2)`.
public struct ShapeError: Error, CustomStringConvertible, Equatable {
  /// A one-line explanation naming the operation and the shapes.
  public let description: String

  /// An error with `description` as its message.
  public init(_ description: String) { self.description = description }
}

extension ShapeError {
  /// Stops with this error's message: a shape mismatch is a programming error, like an index out of range.
  func fail() -> Never { fatalError(description) }
}
