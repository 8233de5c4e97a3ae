import Foundation

/// Prints the report's single-page version (`print.html`) to an A4 PDF with headless Chromium: no
/// browser header or footer, the print stylesheet keeps figures and equations whole, and a virtual
/// time budget lets KaTeX and highlight.js finish before the page is printed.
public struct PDFExporter: Sendable {
  /// The browser that prints.
  public var chromium: HeadlessChromium
  /// Virtual milliseconds the page may run its scripts before printing.
  public var virtualTimeBudget: Int

  /// An exporter using `chromium` (found on the `PATH` by default).
  public init(chromium: HeadlessChromium? = nil, virtualTimeBudget: Int = 10_000) throws(WeaveError) {
    if let chromium { self.chromium = chromium } else { self.chromium = try HeadlessChromium() }
    self.virtualTimeBudget = virtualTimeBudget
  }

  /// Prints the page at `htmlPath` (normally `output/print.html`) to `pdfPath`. When the page has a table of
  /// contents, it is printed twice: the first print tells on which page each entry's target landed, and the
  /// second prints a copy of the page whose contents show those page numbers.
  public func export(_ htmlPath: String, to pdfPath: String) throws(WeaveError) {
    let page = URL(fileURLWithPath: htmlPath).standardizedFileURL
    let pdf = URL(fileURLWithPath: pdfPath).standardizedFileURL
    guard FileManager.default.fileExists(atPath: page.path) else {
      throw .pdfExportFailed(reason: "\(page.path) does not exist (build the HTML report first)")
    }
    try printPage(page, to: pdf)
    guard let html = try? String(contentsOf: page, encoding: .utf8),
      let data = FileManager.default.contents(atPath: pdf.path),
      let numbered = ContentsPageNumbers.numbered(html, pages: PDFDestinations(data).pages)
    else { return }
    // The copy sits beside the page, so its relative links to figures and assets still resolve.
    let copy = page.deletingLastPathComponent().appendingPathComponent(".numbered-" + page.lastPathComponent)
    defer { try? FileManager.default.removeItem(at: copy) }
    do { try numbered.write(to: copy, atomically: true, encoding: .utf8) } catch { return }
    try printPage(copy, to: pdf)
  }

  /// One print of `page` to `pdf` by Chromium.
  private func printPage(_ page: URL, to pdf: URL) throws(WeaveError) {
    try? FileManager.default.removeItem(at: pdf)
    let output = try chromium.run([
      "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
      "--virtual-time-budget=\(virtualTimeBudget)", "--print-to-pdf=\(pdf.path)",
      page.absoluteString,
    ])
    let head = (try? FileHandle(forReadingFrom: pdf).readData(ofLength: 5)) ?? Data()
    guard head == Data("%PDF-".utf8) else {
      let lastWords = output.standardError.split(separator: "\n").suffix(3).joined(separator: " | ")
      throw .pdfExportFailed(reason: "exit code \(output.exitCode), no PDF written: \(lastWords)")
    }
  }
}
