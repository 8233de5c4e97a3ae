import Foundation
import Testing

@testable import Autodiff

/// Kernel choice and switching; the speed itself is measured by `flowbook bench numerics`.
@Suite(.serialized) struct BLASKernelTests {
  @Test func choosesTheFastestKernelTheFlagsAllow() {
    #expect(
      BLASKernel.bestCoreType(cpuFlags: [
        "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq",
      ]) == "SkylakeX")
    #expect(BLASKernel.bestCoreType(cpuFlags: ["avx2", "fma", "sse3"]) == "Haswell")
    #expect(BLASKernel.bestCoreType(cpuFlags: ["sse3", "avx"]) == nil)
  }

  @Test func replacesOnlyAMisdetectedKernelTheUserDidNotChoose() {
    let avx512: Set = ["avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq"]
    #expect(
      BLASKernel.replacementCoreType(loaded: "Prescott", environment: [:], cpuFlags: avx512)
        == "SkylakeX")
    #expect(
      BLASKernel.replacementCoreType(loaded: "Core2", environment: [:], cpuFlags: ["avx2", "fma"])
        == "Haswell")
    #expect(
      BLASKernel.replacementCoreType(loaded: "Cooperlake", environment: [:], cpuFlags: avx512)
        == nil)
    #expect(
      BLASKernel.replacementCoreType(
        loaded: "Prescott", environment: ["OPENBLAS_CORETYPE": "Prescott"], cpuFlags: avx512) == nil
    )
    #expect(
      BLASKernel.replacementCoreType(loaded: "Prescott", environment: [:], cpuFlags: ["sse3"])
        == nil)
  }

  @Test func configuredKernelUsesAVX2WhenTheCPUHasIt() throws {
    BLASKernel.configure()
    try #require(BLASKernel.bestCoreType(cpuFlags: BLASKernel.cpuFlags()) != nil)
    #expect(BLASKernel.avx2Kernels.contains(BLASKernel.coreName.lowercased()))
  }

  @Test func switchingAwayFromPrescottAndBackGivesTheSameProduct() async {
    // In a child process: re-selecting kernels must not disturb the other tests' BLAS calls.
    await #expect(processExitsWith: .success) {
      let a = Tensor((0..<12).map { Float($0) / 7 }).reshaped(to: [3, 4])
      let b = Tensor((0..<8).map { Float($0) / 5 }).reshaped(to: [4, 2])
      let original = BLASKernel.coreName
      guard BLASKernel.select(coreType: "Prescott") == "Prescott" else { exit(1) }
      let slow = a.matmul(b).scalars
      guard BLASKernel.select(coreType: original) == original else { exit(2) }
      let fast = a.matmul(b).scalars
      exit(zip(slow, fast).allSatisfy { abs($0 - $1) < 1e-5 } ? 0 : 3)
    }
  }
}
