import Autodiff
import FlowBookCLI

// First, before OpenBLAS's idle worker threads burn CPU: one BLAS thread (see BLASKernel).
BLASKernel.configure()
FlowBookCommand.main()
