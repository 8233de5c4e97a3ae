// Flows' public API takes and returns Autodiff types (`SeededGenerator`, `Tensor` in `AutodiffFlow`),
// so `import Flows` is enough in a chapter cell.
@_exported import Autodiff
