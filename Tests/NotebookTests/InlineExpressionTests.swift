import Testing

@testable import Notebook

@Suite struct InlineExpressionTests {
  @Test func codeSpansMarkedSwiftAreExpressionsWithTheirChapterLineAndColumn() {
    let prose = "Steps: `{swift} steps * 2`, and `plain` code.\n\nK = ``{swift} k ``.\n"
    #expect(
      InlineExpression.scan(prose, firstLine: 10) == [
        InlineExpression(code: "steps * 2", line: 10, column: 17),
        InlineExpression(code: "k", line: 12, column: 15),
      ])
  }

  @Test func codeInFencedBlocksIsNotAnExpression() {
    let prose = "```swift\nlet a = `{swift} x`\n```\n\nAfter `{swift} y`.\n"
    #expect(InlineExpression.scan(prose, firstLine: 1).map(\.code) == ["y"])
  }

  @Test func replacingSwapsWholeCodeSpansAndKeepsTheRest() {
    let prose = "a `{swift} x` b `{swift} y` c\nnext `{swift} z`"
    let replaced = InlineExpression.replacing(in: prose, firstLine: 3) { $0.code == "y" ? nil : "<\($0.code)>" }
    #expect(replaced == "a <x> b `{swift} y` c\nnext <z>")
  }
}
