import Autodiff
import Testing
import _TestSupport

/// Every differentiable operation's gradient against central finite differences (one line each).
@Suite struct TensorGradientTests {
  // MARK: - Arithmetic with broadcasting
  @Test func add() { checkGradients([[3, 4], [3, 4]]) { $0[0] + $0[1] } }
  @Test func addRow() { checkGradients([[3, 4], [4]]) { $0[0] + $0[1] } }
  @Test func addColumn() { checkGradients([[3, 1], [3, 4]]) { $0[0] + $0[1] } }
  @Test func addScalarTensor() { checkGradients([[3, 4], []]) { $0[0] + $0[1] } }
  @Test func subtractRow() { checkGradients([[3, 4], [1, 4]]) { $0[0] - $0[1] } }
  @Test func multiplyRow() { checkGradients([[3, 4], [4]]) { $0[0] * $0[1] } }
  @Test func multiplyColumn() { checkGradients([[3, 4], [3, 1]]) { $0[0] * $0[1] } }
  @Test func divide() { checkGradients([[3, 4], [3, 4]], signs: .positive) { $0[0] / $0[1] } }
  @Test func divideByRow() { checkGradients([[3, 4], [4]], signs: .positive) { $0[0] / $0[1] } }
  @Test func divideByColumn() {
    checkGradients([[3, 4], [3, 1]], signs: .positive) { $0[0] / $0[1] }
  }
  @Test func subtractScalarTensor() { checkGradients([[], [3, 4]]) { $0[0] - $0[1] } }
  @Test func scalarOnTheLeft() {
    checkGradients([[3, 4]], signs: .positive) { 2 - 3 * (1 / $0[0]) }
  }
  @Test func negate() { checkGradients([[5]]) { -$0[0] } }

  // MARK: - Elementwise functions
  @Test func exp() { checkGradients([[3, 4]]) { $0[0].exp() } }
  @Test func log() { checkGradients([[3, 4]], signs: .positive) { $0[0].log() } }
  @Test func squareRoot() { checkGradients([[3, 4]], signs: .positive) { $0[0].squareRoot() } }
  @Test func square() { checkGradients([[3, 4]]) { $0[0].square() } }
  @Test func tanh() { checkGradients([[3, 4]]) { $0[0].tanh() } }
  @Test func sigmoid() { checkGradients([[3, 4]]) { ($0[0] * 4).sigmoid() } }
  @Test func softplus() { checkGradients([[3, 4]]) { ($0[0] * 4).softplus() } }
  @Test func relu() { checkGradients([[3, 4]]) { $0[0].relu() } }
  @Test func leakyRelu() { checkGradients([[3, 4]]) { $0[0].leakyRelu(negativeSlope: 0.2) } }

  // MARK: - Reductions
  @Test func sum() { checkGradients([[3, 4]]) { $0[0].sum() } }
  @Test func mean() { checkGradients([[3, 4]]) { $0[0].mean() } }
  @Test func sumAlongRows() { checkGradients([[3, 4]]) { $0[0].sum(alongAxis: 1) } }
  @Test func sumAlongColumns() { checkGradients([[3, 4]]) { $0[0].sum(alongAxis: 0) } }
  @Test func meanAlongColumns() { checkGradients([[3, 4]]) { $0[0].mean(alongAxis: 0) } }
  @Test func meanKeepingDimensions() {
    checkGradients([[3, 4]]) { $0[0].mean(alongAxis: 1, keepingDimensions: true) }
  }

  // MARK: - Products
  @Test func matmul() { checkGradients([[3, 4], [4, 5]]) { $0[0].matmul($0[1]) } }
  @Test func linear() {
    checkGradients([[3, 4], [4, 5], [5]]) { $0[0].linear(weight: $0[1], bias: $0[2]) }
  }
  @Test func transposed() { checkGradients([[3, 4]]) { $0[0].transposed() } }

  // MARK: - Slicing and joining
  @Test func columnRange() { checkGradients([[3, 4]]) { $0[0][columns: 1..<3] } }
  @Test func columnPermutation() { checkGradients([[3, 4]]) { $0[0][columns: [3, 0, 0]] } }
  @Test func rowRange() { checkGradients([[4, 3]]) { $0[0][rows: 1..<3] } }
  @Test func concatenateColumns() {
    checkGradients([[3, 2], [3, 1]]) { Tensor.concatenate([$0[0], $0[1]], alongAxis: 1) }
  }
  @Test func concatenateRows() {
    checkGradients([[2, 3], [1, 3]]) { Tensor.concatenate([$0[0], $0[1]], alongAxis: 0) }
  }
  @Test func reshaped() {
    checkGradients([[6]]) { $0[0].reshaped(to: [2, 3]).matmul($0[0].reshaped(to: [3, 2])) }
  }

  // MARK: - Compositions (a shared input reached along several paths)
  @Test func affineCoupling() {
    checkGradients([[4, 2], [2, 3], [3, 2]]) { inputs in
      let x = inputs[0]
      let mask = Tensor([1, 0])
      let hidden = (x * mask).matmul(inputs[1]).tanh()
      let scale = hidden.matmul(inputs[2]).tanh()
      return x * mask + (1 - mask)
        * (x * scale.exp() + hidden.sum(alongAxis: 1, keepingDimensions: true))
    }
  }
}
