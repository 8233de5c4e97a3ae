import Foundation
import Notebook

/// The HTML of one executed cell: its code (highlighted in the browser, folded when asked), its
/// outputs in order, its error at the chapter line, and its run time (when its code is shown).
struct CellHTML {
  let markdown: MarkdownHTML
  /// Whether the cell's run time is shown (never in the print version, which the PDF is made from).
  let showsTimes: Bool

  func html(_ outline: CellOutline) -> String {
    let options = outline.cell.options
    var html = "<div class=\"cell\(outline.result.status == .error ? " cell-failed" : "")\">\n"
    if options.echo { html += code(outline.cell.code, fold: options.codeFold) }
    if options.output { html += outputs(of: outline) }
    for exercise in outline.cell.unfinishedExercises where exercise != outline.result.unfinishedExercise {
      html += exerciseHTML(exercise, at: "\(outline.file):\(outline.cell.line)")
    }
    if let exercise = outline.result.unfinishedExercise, let error = outline.result.error {
      let stub = error.message.firstMatch(of: Self.stubLocation).map { String($0.1) } ?? error.file
      html += exerciseHTML(exercise, at: stub)
    } else if let error = outline.result.error {
      html += errorHTML(error, expected: options.expectsError)
    }
    if outline.result.status == .notRun, options.eval {
      let reason = outline.result.notRunReason ?? "an earlier cell of this chapter failed"
      html += "<p class=\"cell-not-run\">Not run: \(reason.htmlEscaped).</p>\n"
    }
    // A cell whose code is hidden reads as part of the text (a hand-in, say): no run-time badge.
    if showsTimes, options.echo { html += meta(outline) }
    return html + "</div>\n"
  }

  // MARK: - Code

  private func code(_ code: String, fold: CellOptions.CodeFold) -> String {
    let block =
      "<pre class=\"cell-code\"><code class=\"language-swift\">\(code.htmlEscaped)</code></pre>\n"
    switch fold {
    case .none: return block
    // Folded code stays folded in the print version too, and its print stylesheet hides it.
    case .folded:
      return "<details class=\"code-fold\">\n<summary>Code</summary>\n\(block)</details>\n"
    case .open:
      return "<details class=\"code-fold\" open>\n<summary>Code</summary>\n\(block)</details>\n"
    }
  }

  // MARK: - Outputs

  private func outputs(of outline: CellOutline) -> String {
    var html = ""
    var figuresPlaced = false
    for (index, output) in outline.result.outputs.enumerated() {
      switch output {
      case .text(let text):
        html += "<pre class=\"cell-output\">\(text.htmlEscaped)</pre>\n"
      case .figure:
        // A captioned or labelled cell shows all its figures in one numbered <figure>.
        guard !figuresPlaced else { continue }
        figuresPlaced = outline.caption != nil || outline.numbered != nil
        html +=
          figuresPlaced
          ? figure(outline, images: images(outline))
          : figure(outline, images: image(outline, index))
      case .markdown:
        html +=
          "<div class=\"cell-output-markdown\">\n\(markdown.html(outline.markdownOutputs[index]!))</div>\n"
      case .latex(let tex):
        let math = MathHTML.html(outline.latexFormula(tex), typeset: markdown.math)
        html += "<div class=\"cell-output-math\">\(math)</div>\n"
      case .table(let header, let rows):
        html += table(
          header: header, rows: rows, outline: outline, isFirst: isFirstTable(index, in: outline))
      case .truncated(let lines, _):
        let omitted =
          lines == 0 ? "long lines shortened" : "\(Self.grouped(lines)) line\(lines == 1 ? "" : "s") omitted"
        let link = outline.fullOutputs[index].map { " (<a href=\"\($0.htmlEscaped)\">full output</a>)" } ?? ""
        html += "<p class=\"cell-output-omitted\">… \(omitted)\(link)</p>\n"
      case .check(let check):
        html += checkHTML(check, outline)
      }
    }
    if let numbered = outline.numbered,
      !outline.result.outputs.contains(where: numbered.kind == .figure ? isFigure : isTable)
    {
      html += missing(outline, kind: numbered.kind == .figure ? "figure" : "table")
    }
    return html
  }

  /// 1999750 → "1,999,750", whatever the locale.
  private static func grouped(_ number: Int) -> String {
    var digits = String(number)
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
      index = digits.index(index, offsetBy: -3)
      digits.insert(",", at: index)
    }
    return digits
  }

  private func isFigure(_ output: CellOutput) -> Bool {
    if case .figure = output { true } else { false }
  }
  private func isTable(_ output: CellOutput) -> Bool {
    if case .table = output { true } else { false }
  }

  private func isFirstTable(_ index: Int, in outline: CellOutline) -> Bool {
    outline.result.outputs.firstIndex(where: isTable) == index
  }

  private func images(_ outline: CellOutline) -> String {
    outline.figures.keys.sorted().map { image(outline, $0) }.joined()
  }

  /// An `<img>` of the SVG (never inlined: Cairo's glyph ids would clash between figures), inside a
  /// `<picture>` offering the PNG to browsers without SVG.
  private func image(_ outline: CellOutline, _ index: Int) -> String {
    guard let paths = outline.figures[index] else { return "" }
    let alt =
      outline.captionText.isEmpty
      ? "Figure from the cell at \(outline.file):\(outline.cell.line)" : outline.captionText
    guard let png = paths.fallbackPNG else {
      return "<img src=\"\(paths.image.htmlEscaped)\" alt=\"\(alt.htmlEscaped)\">"
    }
    return "<picture><source srcset=\"\(paths.image.htmlEscaped)\" type=\"image/svg+xml\">"
      + "<img src=\"\(png.htmlEscaped)\" alt=\"\(alt.htmlEscaped)\"></picture>"
  }

  private func figure(_ outline: CellOutline, images: String) -> String {
    let numberedFigure = outline.numbered.flatMap { $0.kind == .figure ? $0 : nil }
    let id = numberedFigure != nil ? " id=\"\(outline.cell.options.label!.htmlEscaped)\"" : ""
    return
      "<figure class=\"cell-figure\"\(id)>\(images)\(caption(outline, prefix: numberedFigure.map { "Figure \($0.number)" }))</figure>\n"
  }

  private func caption(_ outline: CellOutline, prefix: String?) -> String {
    guard prefix != nil || outline.caption != nil else { return "" }
    let label =
      prefix.map {
        "<span class=\"caption-label\">\($0)\(outline.caption == nil ? "" : ":")</span> "
      } ?? ""
    let text = outline.caption.map { markdown.html($0).unwrappingSingleParagraph } ?? ""
    return "<figcaption>\(label)\(text)</figcaption>"
  }

  /// A table; the cell's first table, when its label is `tbl-…`, is numbered and captioned like a figure.
  private func table(header: [String], rows: [[String]], outline: CellOutline, isFirst: Bool)
    -> String
  {
    let numberedTable = isFirst ? outline.numbered.flatMap { $0.kind == .table ? $0 : nil } : nil
    var html = "<div class=\"table-scroll\"><table class=\"cell-output-table\">\n<thead><tr>"
    html += header.map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for row in rows {
      let cells = row.map {
        Double($0) != nil
          ? "<td class=\"numeric\">\($0.htmlEscaped)</td>" : "<td>\($0.htmlEscaped)</td>"
      }
      html += "<tr>" + cells.joined() + "</tr>\n"
    }
    html += "</tbody></table></div>"
    guard let numberedTable else { return html + "\n" }
    let label = outline.cell.options.label!.htmlEscaped
    return
      "<figure class=\"cell-table\" id=\"\(label)\">\(caption(outline, prefix: "Table \(numberedTable.number)"))\n\(html)</figure>\n"
  }

  /// Keeps a labelled figure or table referable when its cell showed none (it failed or did not run).
  private func missing(_ outline: CellOutline, kind: String) -> String {
    let label = outline.cell.options.label!.htmlEscaped
    let number = outline.numbered.map { "\(kind == "figure" ? "Figure" : "Table") \($0.number)" }
    return
      "<figure class=\"cell-figure output-missing\" id=\"\(label)\"><p>This cell showed no \(kind).</p>"
      + caption(outline, prefix: number) + "</figure>\n"
  }

  // MARK: - Errors and run time

  private func errorHTML(_ error: CellError, expected: Bool) -> String {
    var location = error.file
    if let line = error.line { location += ":\(line)" + (error.column.map { ":\($0)" } ?? "") }
    let heading = expected ? "Expected error" : "Error"
    return
      "<div class=\"cell-error\(expected ? " expected" : "")\">\n<p class=\"cell-error-location\">\(heading) at <code>\(location.htmlEscaped)</code></p>\n"
      + "<pre>\(error.message.htmlEscaped)</pre>\n</div>\n"
  }

  /// "✔ name: message" or "✘ name: message", the ✘ with the chapter line of its `check` call.
  private func checkHTML(_ check: CheckResult, _ outline: CellOutline) -> String {
    let verdict = check.passed ? "passed" : "failed"
    let line = outline.cell.line + (check.lineOffset ?? 0)
    let message = check.message.isEmpty ? "" : ": \(check.message.htmlEscaped)"
    let location =
      check.passed ? "" : " <span class=\"check-location\">\("\(outline.file):\(line)".htmlEscaped)</span>"
    return "<p class=\"check check-\(verdict)\"><span class=\"check-mark\" aria-label=\"\(verdict)\">"
      + "\(check.passed ? "✔" : "✘")</span> <strong>\(check.name.htmlEscaped)</strong>\(message)\(location)</p>\n"
  }

  /// An exercise of the student edition that is still a stub: what to do, not an error to debug.
  private func exerciseHTML(_ exercise: String, at stub: String) -> String {
    return "<div class=\"cell-exercise-todo\">\n<p><strong>Exercise \(exercise.htmlEscaped): not done yet.</strong> "
      + "Write it in place of <code>exercise(\"\(exercise.htmlEscaped)\")</code> at <code>\(stub.htmlEscaped)</code>, "
      + "then rebuild.</p>\n</div>\n"
  }

  private func meta(_ outline: CellOutline) -> String {
    guard outline.result.status != .notRun else { return "" }
    let seconds = outline.result.seconds
    let time =
      seconds < 0.1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    return "<p class=\"cell-meta\" title=\"Run time of this cell\">\(time)</p>\n"
  }

  /// Kept once: a regex literal in a function body is compiled again on every call.
  nonisolated(unsafe) private static let stubLocation = /its stub is at ([^)\s]+)/
}

extension String {
  /// `<p>text</p>` without the paragraph, for captions; other HTML unchanged.
  var unwrappingSingleParagraph: String {
    let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), trimmed.ranges(of: "<p>").count == 1
    else { return self }
    return String(trimmed.dropFirst(3).dropLast(4))
  }
}
