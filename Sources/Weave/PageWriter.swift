import Foundation
import Notebook

/// Weaves executed chapters into one HTML page: prose, code, printed output and figures.
public enum PageWriter {
  /// Writes `index.html` and the chapters' figures into `outputDirectory`.
  public static func write(_ chapters: [ExecutedChapter], title: String, to outputDirectory: String) throws {
    let fileManager = FileManager.default
    try fileManager.createDirectory(atPath: outputDirectory + "/figures", withIntermediateDirectories: true)
    var body = ""
    for (chapterNumber, executed) in chapters.enumerated() {
      body += "<section class=\"chapter\">\n"
      for block in executed.chapter.blocks {
        switch block {
        case .prose(let markdown, _):
          body += MarkdownRenderer.html(from: markdown)
        case .cell(let cell):
          body += "<pre class=\"code\"><code>\(cell.code.htmlEscaped)</code></pre>\n"
          let result = executed.results[cell.index]
          body += try cellOutputs(result, chapterNumber: chapterNumber, from: executed.displayDirectory, to: outputDirectory)
        }
      }
      body += "</section>\n"
    }
    let page = """
      <!DOCTYPE html>
      <html lang="en">
      <head><meta charset="utf-8"><title>\(title.htmlEscaped)</title>
      <style>body{max-width:46em;margin:2em auto;font-family:sans-serif;line-height:1.5}
      pre{background:#f6f8fa;padding:.8em;overflow-x:auto}pre.output{background:#fff;border-left:3px solid #8b8}
      pre.error{background:#fff0f0;border-left:3px solid #c33}img{max-width:100%}</style></head>
      <body>
      \(body)</body>
      </html>

      """
    try page.write(toFile: outputDirectory + "/index.html", atomically: true, encoding: .utf8)
  }

  private static func cellOutputs(
    _ result: CellResult, chapterNumber: Int, from displays: String, to outputDirectory: String
  ) throws -> String {
    var html = ""
    for output in result.outputs {
      switch output {
      case .text(let text):
        html += "<pre class=\"output\">\(text.htmlEscaped)</pre>\n"
      case .figure(let figure):
        let name = "ch\(chapterNumber)-\(figure)"
        let destination = outputDirectory + "/figures/" + name
        try? FileManager.default.removeItem(atPath: destination)
        try FileManager.default.copyItem(atPath: displays + "/" + figure, toPath: destination)
        html += "<figure><img src=\"figures/\(name.htmlEscaped)\" alt=\"\"></figure>\n"
      case .markdown(let markdown):
        html += MarkdownRenderer.html(from: markdown)
      case .latex(let latex):
        html += "<div class=\"math display\">\\[\(latex.htmlEscaped)\\]</div>\n"
      case .table(let header, let rows):
        html += "<table><tr>" + header.map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr>"
        html += rows.map { "<tr>" + $0.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>" }.joined()
        html += "</table>\n"
      }
    }
    if let error = result.error {
      html += "<pre class=\"error\">\(error.message.htmlEscaped)</pre>\n"
    }
    if result.status == .notRun {
      html += "<p class=\"not-run\">not run</p>\n"
    }
    return html
  }
}
