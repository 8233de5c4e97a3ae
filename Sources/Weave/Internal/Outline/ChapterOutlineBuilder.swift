import Foundation
import Notebook

/// Builds one chapter's outline in reading order, defining its labels in the book's registry.
struct ChapterOutlineBuilder {
  let executed: ExecutedChapter
  let number: Int
  let pageName: String
  let fileExists: (String) -> Bool
  /// Figure files this chapter adds to the report: report path → path on disk.
  private(set) var figureCopies: [String: String] = [:]
  private var sectionCounters: [Int] = []
  private var hasNumberedTitle = false
  /// Opening fences of the divs not closed yet, innermost last.
  private var openDivs: [ChapterLocation] = []
  private var exerciseCount = 0
  /// The chapter's footnote definitions, given to every piece of prose that refers to a note.
  private var footnoteSource = ""

  init(
    executed: ExecutedChapter, number: Int, pageName: String, fileExists: @escaping (String) -> Bool
  ) {
    self.executed = executed
    self.number = number
    self.pageName = pageName
    self.fileExists = fileExists
  }

  mutating func build(registry: inout LabelRegistry) throws(WeaveError) -> ChapterOutline {
    // Footnote definitions may stand anywhere in the chapter: collect them before rendering any prose.
    var definitions = FootnoteDefinitions()
    let pieces = executed.chapter.blocks.map { block -> [ProsePiece] in
      guard case .prose(let markdown, let line) = block else { return [] }
      // `{swift} expr` code spans show their computed values, as text; without one they stay code, marked.
      let computed = InlineExpression.replacing(in: markdown, firstLine: line) { expression in
        if let value = executed.inlineValue(for: expression) { return value.markdownLiteral }
        // The reason without its location (printed by the build, shown at the failed cell).
        return executed.inlineNotComputedReason(for: expression).map {
          expression.notComputedMarkdown(reason: String($0.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces))
        }
      }
      return FencedDivSplitter.split(computed, file: executed.chapter.file, firstLine: line).map {
        piece in
        guard case .markdown(let text, let line) = piece else { return piece }
        return .markdown(definitions.take(from: text), line: line)
      }
    }
    footnoteSource = definitions.source
    var blocks: [OutlineBlock] = []
    for (index, block) in executed.chapter.blocks.enumerated() {
      switch block {
      case .prose:
        for piece in pieces[index] {
          blocks.append(try outline(of: piece, registry: &registry))
        }
      case .cell(let cell):
        blocks.append(.cell(try outline(of: cell, registry: &registry)))
      }
    }
    var footnotes = ChapterFootnotes(chapterNumber: number)
    blocks = blocks.map { block in
      guard case .prose(var prepared, let sections) = block else { return block }
      footnotes.number(in: &prepared)
      return .prose(prepared, sections: sections)
    }
    if let unclosed = openDivs.last { throw .unclosedDiv(at: unclosed) }
    let title = executed.chapter.title ?? Self.title(fromFile: executed.chapter.file)
    return ChapterOutline(
      number: number, pageName: pageName, title: title,
      titleHTML: title.htmlEscaped, hasTitleHeading: false,
      hasFrontMatterTitle: executed.chapter.title != nil,
      blocks: blocks, footnotes: footnotes)
  }

  /// `chapters/02-coupling-layers.md` → "Coupling layers", for chapters with neither a front-matter
  /// title nor a `# ` heading.
  static func title(fromFile file: String) -> String {
    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let words = stem.drop { $0.isNumber || $0 == "-" || $0 == "_" }
      .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    guard let first = words.first else { return stem }
    return first.uppercased() + words.dropFirst()
  }

  // MARK: - Prose and fenced divs

  private mutating func outline(of piece: ProsePiece, registry: inout LabelRegistry)
    throws(WeaveError) -> OutlineBlock
  {
    switch piece {
    case .markdown(let markdown, let line):
      let location = ChapterLocation(file: executed.chapter.file, line: line)
      let prepared = try PreparedMarkdown(
        markdown, at: location, rawHTML: .keep, footnotes: footnoteSource)
      var sections: [Section] = []
      for heading in prepared.headings {
        sections.append(try section(for: heading, registry: &registry))
      }
      try defineEquations(in: prepared, registry: &registry)
      for caption in prepared.tableCaptions {
        try defineEquations(in: caption.caption, registry: &registry)
        if let label = caption.label {
          _ = try registry.defineCell(label, pageName: pageName, at: caption.location)
        }
      }
      return .prose(prepared, sections: sections)
    case .open(let div):
      openDivs.append(div.location)
      let title = try div.title.map { text throws(WeaveError) in
        try PreparedMarkdown(text, at: div.location, rawHTML: .keep)
      }
      if let title { try defineEquations(in: title, registry: &registry) }
      var exerciseNumber: String?
      if div.calloutKind == .exercise {
        exerciseCount += 1
        exerciseNumber = "\(number).\(exerciseCount)"
      }
      return .divOpen(DivOutline(div: div, title: title, exerciseNumber: exerciseNumber))
    case .close(let line):
      guard openDivs.popLast() != nil else {
        throw .unopenedDivClose(at: ChapterLocation(file: executed.chapter.file, line: line))
      }
      return .divClose
    }
  }

  // MARK: - Sections

  /// Numbers headings like a book: the first `# ` is the chapter (n), `##` is n.1, `###` is n.1.1.
  private mutating func section(for heading: HeadingSource, registry: inout LabelRegistry)
    throws(WeaveError)
    -> Section
  {
    let numberText = sectionNumber(for: heading)
    if let label = heading.label {
      let title = Placeholder.replacing(in: heading.text) { _ in "" }
      try registry.defineSection(
        label, level: heading.level, number: numberText, title: title, pageName: pageName,
        at: ChapterLocation(file: executed.chapter.file, line: heading.line))
    }
    return Section(level: heading.level, id: heading.label ?? "", number: numberText, titleHTML: "")
  }

  private mutating func sectionNumber(for heading: HeadingSource) -> String? {
    guard !heading.unnumbered else { return nil }
    if heading.level == 1 {
      guard !hasNumberedTitle else { return nil }
      hasNumberedTitle = true
      return "\(number)"
    }
    guard heading.level <= 3 else { return nil }
    let depth = heading.level - 1
    sectionCounters =
      Array(sectionCounters.prefix(depth))
      + Array(repeating: 0, count: max(0, depth - sectionCounters.count))
    sectionCounters[depth - 1] += 1
    return ([number] + sectionCounters).map(String.init).joined(separator: ".")
  }

  private func defineEquations(in prepared: PreparedMarkdown, registry: inout LabelRegistry)
    throws(WeaveError)
  {
    for math in prepared.labelledEquations {
      _ = try registry.defineEquation(
        math.label!, tex: math.tex, pageName: pageName, at: math.location)
    }
  }

  // MARK: - Cells

  private mutating func outline(of cell: Cell, registry: inout LabelRegistry) throws(WeaveError)
    -> CellOutline
  {
    let location = ChapterLocation(file: executed.chapter.file, line: cell.line)
    let result =
      cell.index < executed.results.count
      ? executed.results[cell.index] : CellResult(status: .notRun)
    let numbered = try cell.options.label.map { label throws(WeaveError) in
      try registry.defineCell(label, pageName: pageName, at: location)
    }
    let captionLocation = ChapterLocation(
      file: executed.chapter.file, line: cell.options.figureCaptionLine ?? cell.line)
    let caption = try cell.options.figureCaption.map { text throws(WeaveError) in
      try PreparedMarkdown(text, at: captionLocation, rawHTML: .escape)
    }
    if let caption { try defineEquations(in: caption, registry: &registry) }
    var markdownOutputs: [Int: PreparedMarkdown] = [:]
    var figures: [Int: FigurePaths] = [:]
    var fullOutputs: [Int: String] = [:]
    for (index, output) in result.outputs.enumerated() {
      switch output {
      case .markdown(let text):
        let prepared = try PreparedMarkdown(text, at: location, rawHTML: .escape)
        try defineEquations(in: prepared, registry: &registry)
        markdownOutputs[index] = prepared
      case .figure(let name):
        figures[index] = try figurePaths(name, at: location)
      case .truncated(_, let name):
        // Copied beside the chapter's figures, so the page can link it.
        let path = "figures/" + (pageName as NSString).deletingPathExtension + "/" + name
        figureCopies[path] = (executed.displayDirectory as NSString).appendingPathComponent(name)
        fullOutputs[index] = path
      case .text, .latex, .table, .check:
        break
      }
    }
    return CellOutline(
      cell: cell, result: result, file: executed.chapter.file, caption: caption, captionText: "",
      numbered: numbered, markdownOutputs: markdownOutputs, figures: figures, fullOutputs: fullOutputs)
  }

  /// Schedules a figure (and the PNG beside an SVG) for copying into `figures/<chapter>/`.
  private mutating func figurePaths(_ name: String, at location: ChapterLocation) throws(WeaveError)
    -> FigurePaths
  {
    let source = (executed.displayDirectory as NSString).appendingPathComponent(name)
    guard fileExists(source) else { throw .missingFigure(name, at: location) }
    let folder = "figures/" + (pageName as NSString).deletingPathExtension + "/"
    var paths = FigurePaths(image: folder + name)
    figureCopies[paths.image] = source
    if name.hasSuffix(".svg") {
      let png = String(name.dropLast(4)) + ".png"
      let pngSource = (executed.displayDirectory as NSString).appendingPathComponent(png)
      if fileExists(pngSource) {
        paths.fallbackPNG = folder + png
        figureCopies[folder + png] = pngSource
      }
    }
    return paths
  }
}
