import Notebook

/// The whole book after the first pass: every piece of Markdown rendered with placeholders, every
/// label numbered and every reference checked. Pages are rendered from it in the second pass.
struct BookOutline {
  var metadata: BookMetadata
  var chapters: [ChapterOutline]
  /// Every label of the book and every generated heading id, to what it names.
  var targets: [String: CrossReferenceTarget]
  /// Figure files to copy: path inside the report → path on disk.
  var figureCopies: [String: String]
  /// The works the book cites, numbered and labelled.
  var citations: CitationIndex
  /// Every formula typeset at build time, or `.inBrowser`.
  var math: TypesetMath
  /// The book's preface (`preface:` in `book.yml`), shown on the index page.
  var preface: PreparedMarkdown?
}

/// One chapter: its page, its number, its title and its blocks ready to render.
struct ChapterOutline {
  /// 1-based position in the book.
  var number: Int
  /// The page, e.g. `02-flows.html`; also the prefix of the chapter's figure folder.
  var pageName: String
  /// Plain-text title (the first `# ` heading, or a title made from the file name).
  var title: String
  /// The title as HTML (math kept as math).
  var titleHTML: String
  /// Whether the chapter's prose has its own `# ` heading (otherwise the page adds one).
  var hasTitleHeading: Bool
  /// Whether `title` comes from the chapter's front matter (which wins over its `# ` heading).
  var hasFrontMatterTitle: Bool
  var blocks: [OutlineBlock]
  /// The chapter's footnotes, numbered.
  var footnotes: ChapterFootnotes
  /// Keys of the works this chapter cites, in order of first citation.
  var citedKeys: [String] = []

  /// Every heading of the chapter's prose, in order.
  var sections: [Section] {
    blocks.flatMap { block -> [Section] in
      guard case .prose(_, let sections) = block else { return [] }
      return sections
    }
  }
}

/// A block of a chapter in the outline.
enum OutlineBlock {
  /// Prose and the sections its headings open, indexed like the prose's heading placeholders.
  case prose(PreparedMarkdown, sections: [Section])
  case cell(CellOutline)
  /// The opening fence of a fenced div (a callout, when its class says so).
  case divOpen(DivOutline)
  /// The closing `:::` of the innermost open div.
  case divClose
}

/// A fenced div with what weaving needs: its rendered title and, for exercises, its number.
struct DivOutline {
  var div: FencedDiv
  /// `title=` rendered with placeholders.
  var title: PreparedMarkdown?
  /// "3.2" for the second exercise of chapter 3.
  var exerciseNumber: String?
}

/// A heading with its anchor and number.
struct Section: Equatable {
  var level: Int
  var id: String
  /// "2.1"; nil for unnumbered headings and levels below 3.
  var number: String?
  /// The heading text as HTML, for the table of contents and the sidebar.
  var titleHTML: String
}

/// A cell with what weaving needs besides its code and result: caption, number, prepared Markdown outputs.
struct CellOutline {
  var cell: Cell
  var result: CellResult
  var file: String
  /// The cell's caption rendered with placeholders, when it has one.
  var caption: PreparedMarkdown?
  /// The caption as plain text, for `alt` attributes.
  var captionText: String
  /// `.figure` or `.table` when the cell's label numbers it, with the number.
  var numbered: (kind: CrossReferenceTarget.Kind, number: String)?
  /// Markdown outputs rendered with placeholders, by output index.
  var markdownOutputs: [Int: PreparedMarkdown]
  /// Report paths of the cell's figures, by output index.
  var figures: [Int: FigurePaths]
  /// Report paths of the files holding the cell's whole printed text, by the index of its `.truncated` output.
  var fullOutputs: [Int: String] = [:]

  /// The display formula of a `show(latex:)` output, located at the cell.
  func latexFormula(_ tex: String) -> MathSpan {
    MathSpan(tex: tex, display: true, location: ChapterLocation(file: file, line: cell.line))
  }
}

/// Where a figure lives inside the report.
struct FigurePaths: Equatable {
  /// The figure as shown (normally an SVG).
  var image: String
  /// A PNG of the same figure, offered to browsers that cannot show the SVG.
  var fallbackPNG: String?
}
