import Testing
import _TestSupport

@testable import Notebook

@Suite struct LibraryFingerprintTests {
  @Test func importsAreFoundWithAttributesAndKinds() {
    let source =
      "import Flows\n@_exported import Plot\n  import struct Autodiff.Tensor\n// import Nope\nlet importer = 1\n"
    #expect(LibraryFingerprint.imports(in: source) == ["Flows", "Plot", "Autodiff"])
  }

  @Test func changingAnImportedModuleChangesTheFingerprintOfItsUsersOnly() throws {
    let project = try TemporaryDirectory()
    try project.write("@_exported import Plot\n", to: "Sources/CellRuntime/Exports.swift")
    try project.write("import CCairo\nstruct Figure {}\n", to: "Sources/Plot/Figure.swift")
    try project.write("module CCairo {}\n", to: "Sources/CCairo/module.modulemap")
    try project.write("library", to: "build/libFlowBookKit.so")
    try project.write("struct Flow {}\n", to: "Sources/Flows/Flow.swift")
    for module in ["CellRuntime", "Plot", "Flows"] { try project.write(module, to: "build/\(module).build/a.o") }
    let toolchain = Toolchain(libraryDirectory: project.path + "/build", sourcesDirectory: project.path + "/Sources")
    let plain = ["print(1)\n"]
    let flows = ["import Flows\n"]
    let before = (
      LibraryFingerprint(toolchain: toolchain).fingerprint(of: plain),
      LibraryFingerprint(toolchain: toolchain).fingerprint(of: flows)
    )
    #expect(before.0.contains("Plot="))
    #expect(before.0.contains("CCairo="))
    #expect(!before.0.contains("Flows="))
    try project.write("changed", to: "build/Flows.build/a.o")
    try project.write("relinked", to: "build/libFlowBookKit.so")
    let after = (
      LibraryFingerprint(toolchain: toolchain).fingerprint(of: plain),
      LibraryFingerprint(toolchain: toolchain).fingerprint(of: flows)
    )
    #expect(after.0 == before.0)
    #expect(after.1 != before.1)
  }
}
