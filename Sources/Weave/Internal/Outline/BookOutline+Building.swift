import Foundation
import Notebook

extension BookOutline {
  /// The first pass: renders every chapter's Markdown once, numbers sections, figures, tables and
  /// equations in reading order, gives every heading an anchor and checks every `@label`.
  ///
  /// `fileExists` answers whether a cell's figure file is on disk (a read, never a write); `renderer`
  /// typesets every formula now (nil leaves it to the browser).
  init(
    chapters executed: [ExecutedChapter], metadata: BookMetadata, renderer: KaTeXRenderer? = nil,
    fileExists: @escaping (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
  ) throws(WeaveError) {
    var registry = LabelRegistry(
      reservedIDs: ["content", "references"] + executed.indices.map { "chapter-\($0 + 1)" })
    var citations = CitationIndex(
      bibliography: try Bibliography(files: metadata.bibliography, style: metadata.citationStyle))
    var figureCopies: [String: String] = [:]
    var chapters: [ChapterOutline] = []
    for (offset, chapter) in executed.enumerated() {
      var builder = ChapterOutlineBuilder(
        executed: chapter, number: offset + 1, pageName: Self.pageName(for: chapter.chapter.file),
        fileExists: fileExists)
      chapters.append(try builder.build(registry: &registry))
      figureCopies.merge(builder.figureCopies) { first, _ in first }
    }
    for index in chapters.indices {
      chapters[index].assignHeadingIDs(registry: &registry)
      try chapters[index].checkReferences(against: registry.targets, citations: &citations)
    }
    var preface: PreparedMarkdown?
    if let (markdown, file) = metadata.preface {
      let prepared = try PreparedMarkdown(
        markdown, at: ChapterLocation(file: file, line: 1), rawHTML: .keep)
      for site in prepared.references where registry.targets[site.label] == nil {
        throw .undefinedReference(site.label, at: site.location)
      }
      preface = prepared
    }
    let math = try renderer.map { renderer throws(WeaveError) in
      try TypesetMath(chapters.flatMap(\.formulas) + (preface?.maths ?? []), renderer: renderer)
    }
    for index in chapters.indices {
      chapters[index].resolveTitles(targets: registry.targets, math: math ?? .inBrowser)
    }
    self.init(
      metadata: metadata, chapters: chapters, targets: registry.targets, figureCopies: figureCopies,
      citations: citations, math: math ?? .inBrowser, preface: preface)
  }

  /// `chapters/02-flows.md` → `02-flows.html`; never `index.html` or `print.html`, which the book uses.
  static func pageName(for file: String) -> String {
    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let safeStem = stem.unicodeScalars.map { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
          || scalar == "_")
        ? String(scalar) : "-"
    }.joined()
    return
      (["index", "print", "assets", "figures"].contains(safeStem)
      ? "chapter-" + safeStem : safeStem) + ".html"
  }
}

// MARK: - Second half of the first pass, once every label is known

extension ChapterOutline {
  /// Gives each heading without a `{#label}` a unique id made from its text.
  fileprivate mutating func assignHeadingIDs(registry: inout LabelRegistry) {
    blocks = blocks.map { block in
      guard case .prose(let prepared, var sections) = block else { return block }
      for index in sections.indices where sections[index].id.isEmpty {
        let text = Placeholder.replacing(in: prepared.headings[index].text) { _ in "" }
        sections[index].id = registry.makeUniqueID(from: text)
      }
      return .prose(prepared, sections: sections)
    }
  }

  /// Checks every `@label` and citation, and numbers the works cited in reading order.
  fileprivate mutating func checkReferences(
    against targets: [String: CrossReferenceTarget], citations: inout CitationIndex
  ) throws(WeaveError) {
    for prepared in preparedMarkdown {
      for site in prepared.references where targets[site.label] == nil {
        throw .undefinedReference(
          site.label, at: site.location,
          suggestion: LabelSuggestion.closest(to: site.label, among: targets.keys))
      }
      for site in prepared.citations {
        for item in site.items {
          if MathAndReferenceScanner.crossReferenceLabel(item.key) != nil {
            guard targets[item.key] != nil else { throw .undefinedReference(item.key, at: site.location) }
          } else if citations.entry(item.key) != nil {
            citations.cite(item.key)
            if !citedKeys.contains(item.key) { citedKeys.append(item.key) }
          } else if site.bracketed || item.key.contains(where: \.isNumber) {
            throw .unknownCitation(item.key, at: site.location)
          }
        }
      }
    }
  }

  /// Section titles and caption texts, which may show references to labels defined later in the book.
  fileprivate mutating func resolveTitles(targets: [String: CrossReferenceTarget], math: TypesetMath) {
    blocks = blocks.map { block in
      switch block {
      case .prose(let prepared, var sections):
        for index in sections.indices {
          sections[index].titleHTML = InlineText.html(
            prepared.headings[index].text, in: prepared, targets: targets, math: math)
        }
        return .prose(prepared, sections: sections)
      case .cell(var cell):
        if let caption = cell.caption {
          cell.captionText = InlineText.plain(caption.plainText, in: caption, targets: targets)
        }
        return .cell(cell)
      case .divOpen, .divClose:
        return block
      }
    }
    if let titleBlock = blocks.lazy.compactMap(Self.titleHeading).first {
      hasTitleHeading = true
      if !hasFrontMatterTitle {
        title = InlineText.plain(titleBlock.source.text, in: titleBlock.prepared, targets: targets)
        titleHTML = titleBlock.section.titleHTML
      }
    }
  }

  private static func titleHeading(in block: OutlineBlock) -> (
    prepared: PreparedMarkdown, source: HeadingSource, section: Section
  )? {
    guard case .prose(let prepared, let sections) = block,
      let index = sections.firstIndex(where: { $0.level == 1 })
    else { return nil }
    return (prepared, prepared.headings[index], sections[index])
  }

  /// Every formula of the chapter in reading order: prose, captions, Markdown and LaTeX printed by cells.
  fileprivate var formulas: [MathSpan] {
    blocks.flatMap { block -> [MathSpan] in
      switch block {
      case .prose(let prepared, _): return prepared.maths + prepared.tableCaptions.flatMap(\.caption.maths)
      case .cell(let cell):
        var formulas = cell.caption?.maths ?? []
        for (index, output) in cell.result.outputs.enumerated() {
          switch output {
          case .markdown: formulas += cell.markdownOutputs[index]?.maths ?? []
          case .latex(let tex): formulas.append(cell.latexFormula(tex))
          case .text, .figure, .table, .truncated, .check: break
          }
        }
        return formulas
      case .divOpen(let div): return div.title?.maths ?? []
      case .divClose: return []
      }
    }
  }

  /// Every piece of Markdown in the chapter: prose, captions and Markdown printed by cells.
  private var preparedMarkdown: [PreparedMarkdown] {
    blocks.flatMap { block -> [PreparedMarkdown] in
      switch block {
      case .prose(let prepared, _): [prepared] + prepared.tableCaptions.map(\.caption)
      case .cell(let cell):
        (cell.caption.map { [$0] } ?? [])
          + cell.markdownOutputs.sorted { $0.key < $1.key }.map(\.value)
      case .divOpen(let div): div.title.map { [$0] } ?? []
      case .divClose: []
      }
    }
  }
}
