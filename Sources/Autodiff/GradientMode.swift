/// Whether operations record the graph that `backward()` needs.
///
/// Recording is on by default. Sampling and evaluation do not need gradients, so they run inside
/// `withoutGradients { … }`, which records nothing (no parents kept, no backward closures built),
/// like `torch.no_grad()`. The flag is task-local: it holds for the closure and what it calls on
/// the same task or thread, and never leaks to other tasks.
public enum GradientMode {
  /// `true` unless inside `withoutGradients`.
  @TaskLocal public static var isRecording = true
}

/// Runs `body` without recording any operation for autodiff, and returns its result.
public func withoutGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
  try GradientMode.$isRecording.withValue(false, operation: body)
}
