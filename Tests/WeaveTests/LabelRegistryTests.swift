import Testing

@testable import Weave

@Suite struct LabelRegistryTests {
  private let here = ChapterLocation(file: "chapters/a.md", line: 3)

  @Test func figuresTablesAndEquationsAreNumberedInOrderPerBook() throws {
    var registry = LabelRegistry(reservedIDs: [])
    #expect(try registry.defineCell("fig-a", pageName: "a.html", at: here).number == "1")
    #expect(try registry.defineCell("tbl-a", pageName: "a.html", at: here).number == "1")
    #expect(try registry.defineCell("fig-b", pageName: "b.html", at: here).number == "2")
    #expect(try registry.defineEquation("eq-a", pageName: "b.html", at: here) == "(1)")
    #expect(registry.targets["fig-b"]?.referenceText == "Figure 2")
    #expect(registry.targets["tbl-a"]?.referenceText == "Table 1")
    #expect(registry.targets["eq-a"]?.referenceText == "Equation (1)")
  }

  @Test func duplicateAndMisplacedLabelsNameTheirLines() throws {
    var registry = LabelRegistry(reservedIDs: [])
    _ = try registry.defineCell("fig-a", pageName: "a.html", at: here)
    let again = ChapterLocation(file: "chapters/b.md", line: 9)
    #expect(throws: WeaveError.duplicateLabel("fig-a", at: again, firstDefinedAt: here)) {
      _ = try registry.defineCell("fig-a", pageName: "b.html", at: again)
    }
    #expect(throws: WeaveError.misplacedLabel("setup", expectedPrefix: "fig- or tbl-", at: here)) {
      _ = try registry.defineCell("setup", pageName: "b.html", at: here)
    }
    #expect(throws: WeaveError.misplacedLabel("fig-z", expectedPrefix: "eq-", at: here)) {
      _ = try registry.defineEquation("fig-z", pageName: "a.html", at: here)
    }
    #expect(throws: WeaveError.misplacedLabel("eq-z", expectedPrefix: "sec-", at: here)) {
      try registry.defineSection(
        "eq-z", level: 2, number: "1.1", title: "Z", pageName: "a.html", at: here)
    }
  }

  @Test func generatedIDsAreUniqueAndAvoidLabels() throws {
    var registry = LabelRegistry(reservedIDs: ["chapter-1"])
    try registry.defineSection(
      "intro", level: 2, number: "1.1", title: "Intro", pageName: "a.html", at: here)
    #expect(registry.makeUniqueID(from: "Intro") == "intro-2")
    #expect(registry.makeUniqueID(from: "Intro") == "intro-3")
    #expect(registry.makeUniqueID(from: "Chapter 1") == "chapter-1-2")
    #expect(registry.makeUniqueID(from: "Log-det: a (short) proof!") == "log-det-a-short-proof")
    #expect(registry.makeUniqueID(from: "∑") == "section")
  }
}

@Suite struct LabelSuggestionTests {
  @Test func aTypoGetsTheNearestLabelAndAStrangerNone() {
    let labels = ["fig-data", "fig-density", "sec-intro", "eq-logdet"]
    #expect(LabelSuggestion.closest(to: "fig-dta", among: labels) == "fig-data")
    #expect(LabelSuggestion.closest(to: "eq-logdt", among: labels) == "eq-logdet")
    #expect(LabelSuggestion.closest(to: "fig-moons", among: labels) == nil)
    #expect(LabelSuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
  }
}
