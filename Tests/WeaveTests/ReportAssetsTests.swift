import Testing
import Weave

@Suite struct ReportAssetsTests {
  @Test func listsKaTeXWithFontsAndHighlightJS() throws {
    let files = try ReportAssets().files()
    #expect(files.keys.contains("assets/katex/katex.min.js"))
    #expect(files.keys.contains("assets/highlight/highlight.min.js"))
    #expect(files.keys.contains("assets/katex/fonts/KaTeX_Main-Regular.woff2"))
  }

  @Test func missingPackageIsNamed() {
    #expect(
      throws: WeaveError.missingAsset(path: "/nonexistent/katex.min.css", package: "libjs-katex")
    ) {
      try ReportAssets(katexDirectory: "/nonexistent").files()
    }
  }
}
