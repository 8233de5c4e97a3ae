import Foundation
import Testing
import _TestSupport

@testable import Weave

/// Formulas typeset by an earlier build come from the cache: `node` runs only for new ones, with the macro
/// definitions they may use.
@Suite struct MathCacheTests {
  @Test func onlyDefiningCommandsCountAsMacroDefinitions() {
    #expect(MathCache.definesMacros(#"\gdef\R{\mathbb{R}}"#))
    #expect(MathCache.definesMacros(#"x \\ \let\a=\b"#))
    #expect(!MathCache.definesMacros(#"\left( \frac{a}{b} \right) \\let"#))
    #expect(!MathCache.definesMacros(#"\definecolor x \globalsum"#))
  }

  @Test func unchangedFormulasStartNoNodeAndNewOnesSeeEarlierMacros() throws {
    let folder = try TemporaryDirectory()
    var renderer = try #require(KaTeXRenderer.find(), "node and libjs-katex are installed by scripts/setup.sh")
    renderer.cacheFile = folder.path + "/math.json"
    let formulas: [(tex: String, display: Bool)] = [(#"\gdef\R{\mathbb{R}}"#, false), (#"x \in \R"#, false)]
    let first = try renderer.render(formulas)

    // The same formulas again: all from the cache, so a renderer that cannot start node still answers.
    var offline = renderer
    offline.nodePath = folder.path + "/no-node-here"
    #expect(try offline.render(formulas) == first)

    // A new formula needs node, and sees the macro an earlier (cached) formula defined.
    #expect(throws: WeaveError.self) { try offline.render(formulas + [(#"y \in \R^2"#, true)]) }
    let added = try renderer.render(formulas + [(#"y \in \R^2"#, true)])
    guard case .html(let html) = added[2] else {
      Issue.record("the new formula did not typeset: \(added[2])")
      return
    }
    #expect(html.contains("mathbb") && html.contains("katex-display"))
    #expect(Array(added[0..<2]) == first)
  }
}
