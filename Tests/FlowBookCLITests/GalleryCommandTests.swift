import Foundation
import Testing
import _TestSupport

/// End-to-end: `flowbook gallery DIR` writes every plot kind in three formats, the same bytes each time (that
/// part, drawing the gallery twice, only with `make test-slow`).
@Suite struct GalleryCommandTests {
  @Test func writesSVGPNGAndPDFOfEveryKind() throws {
    let gallery = try TemporaryDirectory()
    let run = try FlowBookBinary.run(["gallery", gallery.path + "/gallery"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let files = try FileManager.default.contentsOfDirectory(atPath: gallery.path + "/gallery").sorted()
    for kind in [
      "scatter", "lines", "histogram", "density", "contour", "deformed-grid", "quiver", "subplots",
    ] {
      #expect(["svg", "png", "pdf"].allSatisfy { files.contains("\(kind).\($0)") }, "\(kind)")
    }
    for file in files {
      let data = try Data(contentsOf: URL(fileURLWithPath: gallery.path + "/gallery/" + file))
      let magic = file.hasSuffix(".png") ? "\u{89}PNG" : file.hasSuffix(".pdf") ? "%PDF" : "<?xml"
      #expect(data.starts(with: Array(magic.unicodeScalars.map { UInt8($0.value) })), "\(file)")
    }
  }

  @Test(.enabled(if: slowTestsEnabled, "slow: draws the whole gallery twice; make test-slow runs it"))
  func theGalleryIsTheSameBytesEachRun() throws {
    let first = try TemporaryDirectory()
    let second = try TemporaryDirectory()
    for directory in [first, second] {
      #expect(try FlowBookBinary.run(["gallery", directory.path + "/gallery"]).exitCode == 0)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: first.path + "/gallery").sorted()
    #expect(files.count >= 24)
    for file in files {
      let a = try Data(contentsOf: URL(fileURLWithPath: first.path + "/gallery/" + file))
      let b = try Data(contentsOf: URL(fileURLWithPath: second.path + "/gallery/" + file))
      #expect(a == b, "\(file) differs between runs")
    }
  }

  @Test func unwritableFolderIsOneClearError() throws {
    let run = try FlowBookBinary.run(["gallery", "/proc/flowbook-gallery"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("cannot create /proc/flowbook-gallery"))
    #expect(!run.standardError.contains("Fatal error"))
  }

  /// The combined case renders SVG and PNG, so it costs more processor time than either part alone.
  @Test func benchPlotTimesTheRequiredCasesAndTheirParts() throws {
    let run = try FlowBookBinary.run(["bench", "plot", "--json", "--runs", "1"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Double])
    for kind in ["scatter20k", "density256"] {
      let both = try #require(object[kind + "_cpu_ms"])
      let svg = try #require(object[kind + "_svg_cpu_ms"])
      let png = try #require(object[kind + "_png_cpu_ms"])
      #expect(try #require(object[kind + "_ms"]) > 0)
      #expect(both > svg && both > png, "\(kind): SVG+PNG \(both) ms, SVG \(svg) ms, PNG \(png) ms")
    }
  }
}
