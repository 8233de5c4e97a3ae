import Testing

@testable import Notebook

@Suite struct CellOptionsTests {
  @Test func everyOptionIsParsed() throws {
    var options = CellOptions()
    for (key, value) in [
      ("label", "fig-a"), ("echo", "false"), ("eval", "false"), ("output", "false"), ("fig-cap", "'A *b*'"),
      ("error", "true"), ("timeout", "2.5"), ("code-fold", "show"),
    ] {
      try options.set(key, to: value)
    }
    var expected = CellOptions()
    expected.label = "fig-a"
    expected.echo = false
    expected.eval = false
    expected.output = false
    expected.figureCaption = "A *b*"
    expected.expectsError = true
    expected.timeout = 2.5
    expected.codeFold = .open
    #expect(options == expected)
  }

  @Test(arguments: [
    ("echo", "yes"), ("timeout", "-1"), ("timeout", "soon"), ("code-fold", "maybe"), ("label", "1abc"),
    ("colour", "red"), ("fig-cap", ""),
  ])
  func badValueIsRefusedNamingTheKey(key: String, value: String) {
    var options = CellOptions()
    #expect(throws: OptionError.self) { try options.set(key, to: value) }
  }
}
