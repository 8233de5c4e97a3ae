import Foundation
import Notebook
import _TestSupport

/// A small two-chapter book built from constructed results (no cells run): prose with inline,
/// display and labelled math, sections, cross-references across chapters, a labelled figure (real
/// SVG with a PNG beside it), a labelled table, folded code, printed `<script>` and an expected error.
final class FixtureBook {
  /// Folder holding the cells' figures (the engine's display directory).
  let displays: TemporaryDirectory
  let metadata = BookMetadata(
    title: "Flows <by> Example", authors: ["Ada Lovelace", "Alan Turing"])

  init() throws {
    displays = try TemporaryDirectory()
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures")
    for name in ["moons.svg", "moons.png"] {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name),
        to: URL(fileURLWithPath: displays.path).appendingPathComponent(name))
    }
  }

  var chapters: [ExecutedChapter] { [introduction, coupling] }

  static let introductionProse = """
    # Change of variables {#sec-intro}

    A flow maps data $x$ to a simple $z = f(x)$ with $f$ invertible. Printing costs $5 and $10.

    ## The formula {#sec-formula}

    $$
    \\log p_X(x) = \\log p_Z\\big(f(x)\\big) + \\log \\left| \\det \\frac{\\partial f}{\\partial x} \\right|
    $$ {#eq-change}

    @eq-change is the whole story; @fig-moons in @sec-coupling shows it at work.
    Code keeps its dollars: `let price = "$5"`.

    ### An aside

    Without a label a display stays unnumbered: $$\\sum_{i=1}^{n} x_i^2$$

    ::: {.callout-tip title="A *tip*"}
    Callouts hold Markdown: **bold** and a [link](#sec-formula).
    :::
    """

  var introduction: ExecutedChapter {
    let cell = Cell(index: 0, code: "let x = 1\nprint(\"<script>alert(1)</script>\")", line: 19)
    return ExecutedChapter(
      chapter: Chapter(
        file: "chapters/01-intro.md",
        blocks: [.prose(Self.introductionProse, line: 1), .cell(cell)]),
      results: [
        CellResult(status: .ok, outputs: [.text("<script>alert(1)</script>\n")], seconds: 0.012)
      ],
      displayDirectory: displays.path)
  }

  static let couplingProse = """
    # Coupling layers

    ## Affine coupling {#sec-coupling}

    The log-determinant of a coupling layer is a sum, see @eq-logdet; the flow as a whole obeys @eq-change.

    $$\\log\\left|\\det J\\right| = \\sum_{i} s_i(x_{1:d})$$ {#eq-logdet}
    """

  var coupling: ExecutedChapter {
    var figureCell = Cell(
      index: 0, code: "let moons = Moons(seed: 1)\nshow(moons.figure())", line: 10)
    figureCell.options.label = "fig-moons"
    figureCell.options.figureCaption = "Two moons, $s_i$ shown <script>alert(2)</script>"
    var tableCell = Cell(index: 1, code: "show(table)", line: 16)
    tableCell.options.label = "tbl-losses"
    tableCell.options.figureCaption = "Loss per epoch"
    tableCell.options.codeFold = .folded
    var errorCell = Cell(index: 2, code: "let n: Int = \"two\"", line: 21)
    errorCell.options.expectsError = true
    return ExecutedChapter(
      chapter: Chapter(
        file: "chapters/02-coupling.md",
        blocks: [
          .prose(Self.couplingProse, line: 1), .cell(figureCell), .cell(tableCell),
          .cell(errorCell),
          .prose("See @tbl-losses and @fig-moons; back to @sec-intro.", line: 24),
        ]),
      results: [
        CellResult(
          status: .ok, outputs: [.text("trained 3 epochs\n"), .figure("moons.svg")], seconds: 1.5),
        CellResult(
          status: .ok,
          outputs: [.table(header: ["epoch", "loss"], rows: [["1", "0.52"], ["2", "0.31"]])],
          seconds: 0.004),
        CellResult(
          status: .error,
          error: CellError(
            message: "cannot convert value of type 'String' to specified type 'Int'",
            file: "chapters/02-coupling.md",
            line: 21, column: 14), seconds: 0.8),
      ],
      displayDirectory: displays.path)
  }
}
