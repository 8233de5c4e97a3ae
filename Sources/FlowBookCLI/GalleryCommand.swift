import ArgumentParser
import Foundation
import PlotCairo

/// `flowbook gallery DIR`: writes one figure of every plot kind as SVG, PNG (2×) and PDF.
struct GalleryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gallery",
    abstract: "Write one figure of every plot kind (SVG, PNG, PDF) into DIR.")

  @Argument(help: "The folder to write into (created if missing).")
  var directory: String

  func run() throws {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw UserError("cannot create \(directory): \((error as NSError).localizedDescription)")
    }
    let figures = GalleryFigures.all()
    for (number, item) in figures.enumerated() {
      let base = directory + "/" + item.name
      do {
        try CairoRenderer.writeSVG(item.figure, to: base + ".svg")
        try CairoRenderer.writePNG(item.figure, to: base + ".png", scale: 2)
        try CairoRenderer.writePDF(item.figure, to: base + ".pdf")
      } catch {
        throw UserError("gallery figure \(item.name): \(error)")
      }
      print("[\(number + 1)/\(figures.count)] \(base).{svg,png,pdf}")
    }
  }
}
