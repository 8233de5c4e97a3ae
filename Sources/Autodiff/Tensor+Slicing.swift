// Selecting columns and rows, joining tensors, and reshaping — what affine couplings need to
// split a batch by feature and merge it back. Gradients scatter back to the selected places.

extension Tensor {
  /// The columns at `indices` (in that order, repeats allowed) of a matrix `[n, d]`: shape
  /// `[n, indices.count]`. E.g. `x[columns: [1, 0]]` swaps two features.
  public subscript(columns indices: [Int]) -> Tensor {
    usagePrecondition(shape.count == 2, "columns: needs a matrix, got shape \(shape)")
    let (rows, columns) = (shape[0], shape[1])
    for index in indices where !(0..<columns).contains(index) {
      ShapeError("columns: index \(index) is outside shape \(shape)").fail()
    }
    let width = indices.count
    let result = Tensor(uninitializedShape: [rows, width])
    // Positions, not `indices.enumerated()`: per row, a debug build looked up the pairs' tuple metadata.
    for row in 0..<rows {
      for position in 0..<width { result.storage[row * width + position] = storage[row * columns + indices[position]] }
    }
    return result.recorded("columns", from: self) { _, g in
      self.accumulateGradient { gradient in
        for row in 0..<rows {
          for position in 0..<width { gradient[row * columns + indices[position]] += g[row * width + position] }
        }
      }
    }
  }

  /// The columns in `range` of a matrix, e.g. `x[columns: 0..<2]`.
  public subscript(columns range: Range<Int>) -> Tensor { self[columns: Array(range)] }

  /// The rows in `range` of a matrix (a mini-batch), shape `[range.count, d]`.
  public subscript(rows range: Range<Int>) -> Tensor {
    usagePrecondition(shape.count == 2, "rows: needs a matrix, got shape \(shape)")
    guard range.lowerBound >= 0, range.upperBound <= shape[0] else {
      ShapeError("rows: range \(range) is outside shape \(shape)").fail()
    }
    let width = shape[1]
    let offset = range.lowerBound * width
    let result = Tensor(uninitializedShape: [range.count, width])
    result.storage.update(from: storage + offset, count: result.count)
    return result.recorded("rows", from: self) { result, g in
      self.accumulateGradient { gradient in
        for index in 0..<result.count { gradient[offset + index] += g[index] }
      }
    }
  }

  /// Joins matrices side by side (`axis: 1`, equal row counts) or on top of each other
  /// (`axis: 0`, equal column counts); vectors join end to end along axis 0.
  public static func concatenate(_ tensors: [Tensor], alongAxis axis: Int) -> Tensor {
    guard let first = tensors.first else {
      fatalError("concatenate: needs at least one tensor")
    }
    let shapes = tensors.map(\.shape)
    let valid =
      (first.shape.count == 2 && (axis == 0 || axis == 1)
        && shapes.allSatisfy { $0.count == 2 && $0[1 - axis] == first.shape[1 - axis] })
      || (first.shape.count == 1 && axis == 0 && shapes.allSatisfy { $0.count == 1 })
    guard valid else {
      ShapeError(
        "concatenate: shapes \(shapes.map { "\($0)" }.joined(separator: ", ")) do not join along axis \(axis)"
      ).fail()
    }
    // Seen as matrices, axis 0 stacks blocks of whole rows; axis 1 interleaves row pieces.
    let rows = axis == 1 ? first.shape[0] : 1
    let widths = tensors.map { $0.count / rows }
    let totalWidth = widths.reduce(0, +)
    let resultShape =
      first.shape.count == 1
      ? [totalWidth]
      : axis == 1 ? [rows, totalWidth] : [shapes.map { $0[0] }.reduce(0, +), first.shape[1]]
    let result = Tensor(uninitializedShape: resultShape)
    let offsets = widths.reduce(into: [0]) { $0.append($0.last! + $1) }
    for (part, (tensor, width)) in zip(tensors, widths).enumerated() {
      for row in 0..<rows {
        (result.storage + row * totalWidth + offsets[part]).update(
          from: tensor.storage + row * width, count: width)
      }
    }
    return result.recorded("concatenate", from: tensors) { _, g in
      for (part, (tensor, width)) in zip(tensors, widths).enumerated() {
        tensor.accumulateGradient { gradient in
          for row in 0..<rows {
            for index in 0..<width {
              gradient[row * width + index] += g[row * totalWidth + offsets[part] + index]
            }
          }
        }
      }
    }
  }

  /// The same scalars in another shape with the same count, e.g. `[n] → [n, 1]`.
  public func reshaped(to newShape: [Int]) -> Tensor {
    guard newShape.reduce(1, *) == count, newShape.count <= 2 else {
      ShapeError("reshaped: cannot reshape \(shape) (\(count) scalars) to \(newShape)").fail()
    }
    let result = Tensor(uninitializedShape: newShape)
    result.storage.update(from: storage, count: count)
    return result.recorded("reshaped", from: self) { _, g in
      self.accumulateElementwise(g) { _ in 1 }
    }
  }

  /// A copy of the values that records nothing and does not require a gradient (`torch.detach`):
  /// gradients stop here, e.g. for statistics that initialise a layer from data.
  public func detached() -> Tensor {
    let result = Tensor(uninitializedShape: shape)
    result.storage.update(from: storage, count: count)
    return result
  }
}
