/// The files of the book `flowbook new` writes: every feature a first chapter needs, each once, and
/// nothing that does not build.
enum BookTemplate {
  /// Path inside the book → contents.
  static let files: [String: String] = [
    ".gitignore": "# Made by flowbook build: the report and the cached cell results.\noutput/\n.flowbook-cache/\n",
    "chapters/book.yml": bookYml,
    "chapters/01-first-chapter.md": chapter,
  ]

  static let bookYml = """
    title: My book
    authors: [Your Name]
    # Chapters in reading order; a .md file in chapters/ that is not listed is left out (with a warning).
    chapters: [01-first-chapter.md]

    """

  static let chapter = #"""
    # A first chapter {#sec-first}

    Prose is Markdown; math is LaTeX between dollars, typeset when the book is built. The standard normal
    density is

    $$ p(x) = \frac{1}{\sqrt{2\pi}}\, e^{-x^2/2} $$ {#eq-normal}

    A `{swift}` cell runs when the book is built, and what it shows appears below it. Labels starting
    with `fig-` and `tbl-` number the cell's figure or table, so @fig-normal and @tbl-mass refer to them,
    as @eq-normal refers to the equation and @sec-first to this chapter.

    ```{swift}
    //| label: fig-normal
    //| fig-cap: "The density $p(x)$ of @eq-normal on a grid of points."
    let xs = (0...200).map { -4 + 8 * Double($0) / 200 }
    let density = xs.map { exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() }
    show(Figure().line(xs, density).labels(x: "x", y: "p(x)"))
    ```

    ```{swift}
    //| label: tbl-mass
    //| fig-cap: "The mass of $p$ on the grid, by the trapezoidal rule."
    let step = xs[1] - xs[0]
    let mass = step * (density.reduce(0, +) - (density.first! + density.last!) / 2)
    show(Table(header: ["grid points", "∫ p(x) dx"], rows: [["\(xs.count)", String(format: "%.5f", mass)]]))
    ```

    Values computed by the cells can go into the prose: the grid has `{swift} xs.count` points, spaced
    `{swift} String(format: "%.2f", step)` apart.

    """#
}
