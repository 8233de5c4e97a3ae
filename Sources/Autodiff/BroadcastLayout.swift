/// How two shapes line up in an elementwise operation (both seen as matrices, see `Tensor.matrixShape`).
struct BroadcastLayout {
  /// The result's shape (always equal to one of the two operands' shapes).
  let shape: [Int]
  let rows: Int
  let columns: Int
  /// Steps between consecutive rows and columns of each operand inside the result (0 = repeated).
  let leftRowStride: Int, leftColumnStride: Int
  let rightRowStride: Int, rightColumnStride: Int

  /// The layout of `left ∘ right`, or an error naming both shapes when they do not broadcast.
  ///
  /// Allowed: equal shapes; a one-scalar operand; a row (`[c]`, `[1, c]`) or a column (`[r, 1]`)
  /// against `[r, c]`. The result must have the shape of one operand, so `[n]` with `[n, 1]`
  /// (which NumPy would silently turn into `[n, n]`) is an error.
  init(_ operation: String, _ left: [Int], _ right: [Int]) throws(ShapeError) {
    func matrix(_ shape: [Int]) -> (Int, Int) {
      shape.count == 0 ? (1, 1) : shape.count == 1 ? (1, shape[0]) : (shape[0], shape[1])
    }
    let (leftRows, leftColumns) = matrix(left)
    let (rightRows, rightColumns) = matrix(right)
    let leftCount = leftRows * leftColumns
    let rightCount = rightRows * rightColumns
    let rows = Swift.max(leftRows, rightRows)
    let columns = Swift.max(leftColumns, rightColumns)
    let fits =
      (leftRows == rightRows || leftRows == 1 || rightRows == 1)
      && (leftColumns == rightColumns || leftColumns == 1 || rightColumns == 1)
    let resultIsLeft = (rows, columns) == (leftRows, leftColumns)
    let resultIsRight = (rows, columns) == (rightRows, rightColumns)
    guard
      left == right || leftCount == 1 || rightCount == 1
        || (fits && (resultIsLeft || resultIsRight))
    else {
      throw ShapeError(
        "\(operation): shapes \(left) and \(right) do not broadcast (only a scalar, a row or a column broadcasts against a matrix)"
      )
    }
    if leftCount == 1 && rightCount == 1 {
      shape = left.count >= right.count ? left : right
    } else if rightCount == 1 || (resultIsLeft && !(resultIsRight && right.count > left.count)) {
      shape = left
    } else {
      shape = right
    }
    self.rows = rows
    self.columns = columns
    leftRowStride = leftRows == 1 ? 0 : leftColumns
    leftColumnStride = leftColumns == 1 ? 0 : 1
    rightRowStride = rightRows == 1 ? 0 : rightColumns
    rightColumnStride = rightColumns == 1 ? 0 : 1
  }

  /// Calls `body(resultIndex, leftIndex, rightIndex)` for every scalar of the result, row by row.
  @inline(__always)
  func forEachIndex(_ body: (Int, Int, Int) -> Void) {
    for row in 0..<rows {
      let resultBase = row * columns
      let leftBase = row * leftRowStride
      let rightBase = row * rightRowStride
      for column in 0..<columns {
        body(
          resultBase + column, leftBase + column * leftColumnStride,
          rightBase + column * rightColumnStride)
      }
    }
  }
}
