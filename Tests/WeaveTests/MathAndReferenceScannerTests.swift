import Testing

@testable import Weave

@Suite struct MathAndReferenceScannerTests {
  private func scan(_ markdown: String, firstLine: Int = 1) throws -> ScannedMarkdown {
    try MathAndReferenceScanner.scan(markdown, file: "chapters/t.md", firstLine: firstLine)
  }

  @Test func inlineMathKeepsBackslashesAndUnderscores() throws {
    let scanned = try scan(#"Let $a_1 = \{x_i\} \\ y$ hold."#)
    #expect(scanned.maths.map(\.tex) == [#"a_1 = \{x_i\} \\ y"#])
    #expect(scanned.maths.first?.display == false)
    #expect(scanned.markdown == "Let " + Placeholder(kind: .math, index: 0).token + " hold.")
  }

  @Test(arguments: [
    "Printing costs $5 and $10.", "From $20,000 to $30,000.", #"A literal \$x\$ stays."#,
    "No $ space$ opening.", "No $closing $ space.", "Code `$x$` and ``$`y`$`` stay.",
    "$a\n\nb$ crosses a paragraph.",
  ])
  func dollarsThatAreNotMathStayText(markdown: String) throws {
    let scanned = try scan(markdown)
    #expect(scanned.maths.isEmpty)
    #expect(scanned.markdown == markdown)
  }

  @Test func fencedCodeIsLeftAlone() throws {
    let markdown = "Text $x$\n\n```swift\nlet s = \"$a$ @fig-x\"\n```\n\n~~~\n$$\n~~~\nEnd @sec-end"
    let scanned = try scan(markdown)
    #expect(scanned.maths.map(\.tex) == ["x"])
    #expect(scanned.references.map(\.label) == ["sec-end"])
    #expect(scanned.markdown.contains("let s = \"$a$ @fig-x\""))
  }

  @Test func displayMathSpansLinesAndTakesItsLabel() throws {
    let scanned = try scan("Intro\n\n$$\na \\\\\nb\n$$ {#eq-two}\n\nAfter @eq-two.", firstLine: 10)
    let math = try #require(scanned.maths.first)
    #expect(math.display)
    #expect(math.tex == "\na \\\\\nb\n")
    #expect(math.label == "eq-two")
    #expect(math.location == ChapterLocation(file: "chapters/t.md", line: 12))
    #expect(!scanned.markdown.contains("{#eq-two}"))
    #expect(
      scanned.references == [
        ReferenceSite(label: "eq-two", location: ChapterLocation(file: "chapters/t.md", line: 17))
      ])
  }

  @Test func unclosedDisplayMathNamesItsLine() {
    #expect(
      throws: WeaveError.unclosedDisplayMath(at: ChapterLocation(file: "chapters/t.md", line: 7))
    ) {
      try scan("One\n\n$$ x + y", firstLine: 5)
    }
  }

  @Test func referencesNeedAKnownPrefixAndAWordBoundary() throws {
    let scanned = try scan(
      "See @fig-moons. Also (@tbl-loss), @sec-a.b and @eq-1: but not a@fig-x.com, @differentiable or @fig-."
    )
    #expect(scanned.references.map(\.label) == ["fig-moons", "tbl-loss", "sec-a.b", "eq-1"])
    #expect(scanned.markdown.contains("a@fig-x.com, "))
    // Other @words are only citation candidates: the weaver leaves unknown ones as text.
    #expect(scanned.citations.map(\.items.first?.key) == ["differentiable", "fig"])
    #expect(scanned.citations.allSatisfy { !$0.bracketed })
    #expect(scanned.markdown.contains(Placeholder(kind: .reference, index: 0).token + ". Also"))
  }
}
