import Testing
import _TestSupport

@testable import Autodiff

/// Construction, values, broadcasting shapes, shape errors and the recording rules.
@Suite struct TensorTests {
  @Test func constructionAndReading() {
    let matrix = Tensor([[1, 2, 3], [4, 5, 6]])
    #expect(matrix.shape == [2, 3])
    #expect(matrix[1, 2] == 6)
    #expect(matrix.rows == [[1, 2, 3], [4, 5, 6]])
    #expect(Tensor(3).shape == [])
    #expect(Tensor([1, 2])[1] == 2)
    #expect(Tensor.zeros([2]).scalars == [0, 0])
  }

  @Test func descriptionShowsValuesAndShape() {
    #expect("\(Tensor([[1, 2], [3, 4]]))" == "Tensor([[1.0, 2.0], [3.0, 4.0]], shape: [2, 2])")
    #expect(
      "\(Tensor((0..<8).map(Float.init)))"
        == "Tensor([0.0, 1.0, 2.0, …, 5.0, 6.0, 7.0], shape: [8])")
    #expect("\(Tensor(2, requiresGradient: true))" == "Tensor(2.0, shape: [], requiresGradient)")
  }

  @Test func broadcastingValues() {
    let matrix = Tensor([[1, 2], [3, 4]])
    #expect((matrix + Tensor([10, 20])).scalars == [11, 22, 13, 24])
    #expect((matrix * Tensor([[10], [100]])).scalars == [10, 20, 300, 400])
    #expect((2 * matrix - 1).scalars == [1, 3, 5, 7])
    #expect((Tensor([1, 2]) + Tensor([[3, 4]])).shape == [1, 2])
  }

  @Test(arguments: [
    ([4], [4, 1]), ([3, 4], [4, 3]), ([1, 4], [3, 1]), ([5], [4]),
  ])
  func mismatchedShapesNameBoth(left: [Int], right: [Int]) {
    #expect(throws: ShapeError.self) { try BroadcastLayout("add", left, right) }
    do {
      _ = try BroadcastLayout("add", left, right)
    } catch {
      #expect(error.description.contains("\(left)") && error.description.contains("\(right)"))
    }
  }

  @Test func matmulShapeMismatchStopsWithBothShapes() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Tensor.zeros([4, 3]).matmul(Tensor.zeros([2, 5]))
    }.map { result in
      let message = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(message.contains("matmul: shapes [4, 3] and [2, 5] do not fit (3 ≠ 2)"))
    }
  }

  @Test func reductionsAndSlices() {
    let matrix = Tensor([[1, 2, 3], [4, 5, 6]])
    #expect(matrix.sum().item == 21)
    #expect(matrix.mean().item == 3.5)
    #expect(matrix.sum(alongAxis: 1).scalars == [6, 15])
    #expect(matrix.sum(alongAxis: 0).shape == [3])
    #expect(matrix[columns: [2, 0]].rows == [[3, 1], [6, 4]])
    #expect(matrix[rows: 1..<2].rows == [[4, 5, 6]])
    #expect(
      Tensor.concatenate([matrix, matrix[columns: 0..<1]], alongAxis: 1).rows == [
        [1, 2, 3, 1], [4, 5, 6, 4],
      ])
    #expect(matrix.transposed().rows == [[1, 4], [2, 5], [3, 6]])
    #expect(
      Tensor.concatenate([Tensor.zeros([2, 0]), Tensor.zeros([1, 0])], alongAxis: 0).shape == [
        3, 0,
      ])
  }

  @Test func stableFunctionsStayFinite() {
    let extreme = Tensor([-100, 100])
    let softplus = extreme.softplus().scalars
    let sigmoid = extreme.sigmoid().scalars
    #expect(softplus[0] >= 0 && softplus[0] < 1e-30 && softplus[1] == 100)
    #expect(sigmoid[0] >= 0 && sigmoid[0] < 1e-30 && sigmoid[1] == 1)
  }

  @Test func nothingIsRecordedWithoutGradients() {
    let weight = Tensor([[2]], requiresGradient: true)
    let recorded = Tensor([[3]]).matmul(weight)
    let unrecorded = withoutGradients { Tensor([[3]]).matmul(weight) }
    #expect(recorded.requiresGradient && recorded.parents.count == 2)
    #expect(!unrecorded.requiresGradient && unrecorded.parents.isEmpty)
    #expect(!(Tensor([1]) * Tensor([2])).requiresGradient)
  }

  @Test func backwardWithoutAGraphSaysWhy() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let weight = Tensor([2], requiresGradient: true)
      withoutGradients { (weight * weight).sum() }.backward()
    }.map { result in
      let message = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(message.contains("computed inside withoutGradients"))
    }
  }

  @Test func gradientsAccumulateUntilZeroed() throws {
    let x = Tensor([1, 2], requiresGradient: true)
    (x * x).sum().backward()
    (x * x).sum().backward()
    #expect(try #require(x.gradient).scalars == [4, 8])
    x.zeroGradient()
    #expect(try #require(x.gradient).scalars == [0, 0])
  }

  @Test func detachedStopsGradients() throws {
    let x = Tensor([1, 3], requiresGradient: true)
    (x * x.detached()).sum().backward()
    #expect(try #require(x.gradient).scalars == [1, 3])
    #expect(!x.detached().requiresGradient)
  }

  @Test func rowJacobiansMatchTheAnalyticJacobian() {
    // y = [x₀·x₁, x₀ + 3x₁] per row: J = [[x₁, x₀], [1, 3]].
    let jacobians = Tensor.rowJacobians(
      of: { x in
        Tensor.concatenate(
          [x[columns: 0..<1] * x[columns: 1..<2], x[columns: 0..<1] + 3 * x[columns: 1..<2]],
          alongAxis: 1)
      }, at: Tensor([[1, 2], [5, 7]]))
    #expect(jacobians.map(\.rows) == [[[2, 1], [1, 3]], [[7, 5], [1, 3]]])
  }
}
