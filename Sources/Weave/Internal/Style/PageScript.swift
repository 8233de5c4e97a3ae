/// `assets/flowbook.js`: typesets the page's `.math` elements with KaTeX (when the build could not, having
/// no Node.js, and so loaded KaTeX's script into the page) and highlights Swift code
/// with highlight.js. Loaded with `defer` after both libraries, so it runs once the page is parsed and
/// before it is shown or printed. Formulas share one macro table, so `\gdef` in one formula is
/// available in the next, as in LaTeX.
enum PageScript {
  static let source = #"""
    // FlowBook page script: typesets math and highlights code; everything it needs is in assets/.
    (function () {
      "use strict";
      var macros = {};
      // Without KaTeX loaded the math was typeset when the report was built.
      if (window.katex) document.querySelectorAll(".math").forEach(function (element) {
        katex.render(element.textContent, element, {
          displayMode: element.classList.contains("display"),
          throwOnError: false,
          macros: macros
        });
      });
      if (window.hljs) {
        // Debian ships highlight.js 9, which otherwise logs an end-of-life notice to the console.
        hljs.configure({ hideUpgradeWarningAcceptNoSupportOrSecurityUpdates: true });
        document.querySelectorAll("pre code.language-swift").forEach(function (block) {
          hljs.highlightBlock(block);
        });
      }
      document.documentElement.classList.add("flowbook-ready");
    })();

    """#
}
