import Foundation
import Testing

@testable import Weave

/// BibTeX as real files write it, read from the course's own `chapters/references.bib` and small cases.
@Suite struct BibTeXParserTests {
  private static let courseFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("chapters/references.bib")

  private func courseEntries() throws -> [String: BibliographyEntry] {
    let text = try String(contentsOf: Self.courseFile, encoding: .utf8)
    let entries = try BibTeXParser.parse(text, file: "chapters/references.bib")
    return Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
  }

  private func parse(_ text: String) throws -> [BibliographyEntry] {
    try BibTeXParser.parse(text, file: "chapters/r.bib")
  }

  @Test func readsTheCourseBibliography() throws {
    let entries = try courseEntries()
    #expect(entries.count >= 20)
    let realNVP = try #require(entries["dinh2017realnvp"])
    #expect(realNVP.type == "inproceedings")
    #expect(realNVP.authors.map(\.displayName) == ["Laurent Dinh", "Jascha Sohl-Dickstein", "Samy Bengio"])
    #expect(realNVP.fields["title"] == "Density estimation using Real NVP")
    #expect(realNVP.fields["booktitle"] == "International Conference on Learning Representations")
    #expect(realNVP.fields["eprint"] == "1605.08803")
    #expect(realNVP.location.line == 17)
    // @string macro joined with a quoted string by #, and an en dash from --.
    let glow = try #require(entries["kingma2018glow"])
    #expect(glow.fields["booktitle"] == "Advances in Neural Information Processing Systems 31")
    #expect(glow.fields["pages"] == "10215–10224")
    #expect(glow.authors.map(\.family) == ["Kingma", "Dhariwal"])
    #expect(glow.authors.first?.given == "Diederik P.")
    // Quoted values and bare numbers.
    let tabak = try #require(entries["tabak2010density"])
    #expect(tabak.fields["journal"] == "Communications in Mathematical Sciences")
    #expect(tabak.fields["volume"] == "8")
    #expect(tabak.fields["doi"] == "10.4310/CMS.2010.v8.n1.a11")
    #expect(tabak.authors.map(\.family) == ["Tabak", "Vanden-Eijnden"])
  }

  @Test func accentsBecomeUnicode() throws {
    let entries = try courseEntries()
    #expect(entries["paszke2019pytorch"]?.authors.map(\.family).contains("Köpf") == true)
    #expect(entries["paszke2019pytorch"]?.authors.count == 21)
    #expect(entries["baydin2018autodiff"]?.authors.first?.given == "Atılım Güneş")
    #expect(entries["pedregosa2011sklearn"]?.authors.map(\.displayName).contains("Gaël Varoquaux") == true)
    #expect(entries["pedregosa2011sklearn"]?.authors.last?.displayName == "Édouard Duchesnay")
    #expect(entries["stimper2023normflows"]?.authors.last?.displayName == "José Miguel Hernández-Lobato")
    #expect(entries["rozet2022zuko"]?.authors.first?.given == "François")
    #expect(entries["rozet2022zuko"]?.authors.last?.isOthers == true)
  }

  @Test func nameFormsAndAuthorSeparators() throws {
    let entries = try parse(
      """
      @article{a, author = {van den Berg, Rianne AND Max Welling and {Google Brain Team} and
        Ludwig van Beethoven}, title = {T}}
      """)
    let names = try #require(entries.first).authors
    #expect(names.map(\.family) == ["van den Berg", "Welling", "Google Brain Team", "van Beethoven"])
    #expect(names.map(\.given) == ["Rianne", "Max", "", "Ludwig"])
  }

  @Test func commentsParenthesesMonthsAndEscapes() throws {
    let entries = try parse(
      """
      Text outside entries is a comment, even with an @ sign.
      @comment{ @article{ignored, title = {x}} }
      @preamble{"\\newcommand{\\noop}[1]{}"}
      @string(venue = "Workshop")
      @misc(key-1,
        title = "A {"}quoted{"} word \\& {\\'e}t{\\'e} --- done",
        note = venue # " on " # {Flows} # ", " # jan,
        year = 2020,
      )
      """)
    #expect(entries.map(\.key) == ["key-1"])
    let entry = try #require(entries.first)
    #expect(entry.fields["title"] == "A \"quoted\" word & été — done")
    #expect(entry.fields["note"] == "Workshop on Flows, January")
    #expect(entry.fields["year"] == "2020")
    #expect(entry.location.line == 5)
  }

  @Test func mistakesNameTheirLine() {
    #expect(
      throws: WeaveError.badBibliography(
        "unknown @string name 'nips'", at: ChapterLocation(file: "chapters/r.bib", line: 3))
    ) {
      try parse("@article{a,\n  title = {T},\n  journal = nips}\n")
    }
    #expect(
      throws: WeaveError.badBibliography(
        "a value is never closed (unbalanced braces or quotes)",
        at: ChapterLocation(file: "chapters/r.bib", line: 2))
    ) {
      try parse("@article{a,\n  title = \"T,\n  year = 2020\n")
    }
    #expect(
      throws: WeaveError.badBibliography(
        "entry a is never closed", at: ChapterLocation(file: "chapters/r.bib", line: 1))
    ) {
      try parse("@article{a,\n  title = {T {nested},\n}\n")
    }
  }
}
