import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program in its own process group, streaming its standard output, so it (and everything it
/// started) can be stopped at once: by a timeout, or when `flowbook` itself is interrupted.
struct ChildProcess {
  /// How the program ended.
  struct Outcome {
    /// Exit code, or 128 + signal number when a signal ended it.
    var exitCode: Int32
    /// The signal that ended the program, if one did.
    var signal: Int32?
    var standardOutput: String
    var standardError: String
    /// Whether `shouldStop` asked for the program to be killed.
    var wasStopped: Bool
  }

  /// Runs `arguments[0]` (looked up on `PATH`) in `workingDirectory`, calling `onOutput` with each chunk of
  /// standard output as it arrives and `shouldStop` a few times a second; `true` kills the process group.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], workingDirectory: String? = nil,
    onOutput: (Data) -> Void = { _ in }, shouldStop: () -> Bool = { false }
  ) throws -> Outcome {
    var command = ["/usr/bin/env"]
    if let workingDirectory { command += ["-C", workingDirectory] }
    command += arguments
    let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
    let output = try Pipe.make()
    let errors = try Pipe.make()
    let pid = try spawn(command, variables: variables, output: output, errors: errors)
    RunningChildren.shared.insert(pid)
    defer { RunningChildren.shared.remove(pid) }
    close(output.write)
    close(errors.write)

    var outData = Data()
    var errData = Data()
    var wasStopped = false
    var status: Int32 = 0
    var exited = false
    var readsAfterExit = 0
    var open = [output.read, errors.read]
    // Once both pipes are closed the program is usually exiting: it is looked for again after 1 ms, then after
    // twice as long each time up to 20 ms, instead of 20 ms at once (which each compile job and chapter waited).
    var closedWait: Int32 = 1
    while true {
      var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let wait = exited ? 0 : open.isEmpty ? closedWait : 100
      if open.isEmpty { closedWait = min(closedWait * 2, 20) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
      for descriptor in descriptors where descriptor.revents != 0 {
        let chunk = readAvailable(descriptor.fd)
        if chunk.isEmpty {
          close(descriptor.fd)
          open.removeAll { $0 == descriptor.fd }
        } else if descriptor.fd == output.read {
          outData += chunk
          onOutput(chunk)
        } else {
          errData += chunk
        }
      }
      // Once the program has exited, only what is already in the pipes is read: a process it started in
      // another session (Foundation's `Process` does that) may hold them open long after, or for ever.
      if exited {
        readsAfterExit += 1
        if ready <= 0 || open.isEmpty || readsAfterExit > 256 { break }
        continue
      }
      if !wasStopped, shouldStop() {
        wasStopped = true
        kill(-pid, SIGKILL)
      }
      let reaped = waitpid(pid, &status, WNOHANG)
      exited = reaped == pid || (reaped == -1 && errno != EINTR)
    }
    for descriptor in open { close(descriptor) }
    // Whatever the program left running in its group (e.g. a forked cell) goes with it.
    kill(-pid, SIGKILL)
    let signal = status & 0x7f
    return Outcome(
      exitCode: signal == 0 ? (status >> 8) & 0xff : 128 + signal, signal: signal == 0 ? nil : signal,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self), wasStopped: wasStopped)
  }

  private struct Pipe {
    var read: Int32
    var write: Int32

    static func make() throws -> Pipe {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { throw ExecutionError.launchFailed(reason: "cannot create a pipe") }
      return Pipe(read: ends[0], write: ends[1])
    }
  }

  private static func spawn(_ command: [String], variables: [String], output: Pipe, errors: Pipe) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // No input: a cell that reads standard input gets end-of-file instead of waiting for its timeout.
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output.write, 1)
    posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
    for descriptor in [output.read, output.write, errors.read, errors.write] {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = command.map { strdup($0) } + [nil]
    let envp = variables.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
    guard result == 0 else {
      throw ExecutionError.launchFailed(
        reason: "cannot start \(command.joined(separator: " ")): \(String(cString: strerror(result)))")
    }
    return pid
  }

  private static func readAvailable(_ descriptor: Int32) -> Data {
    var buffer = [UInt8](repeating: 0, count: 65536)
    var count = 0
    repeat { count = read(descriptor, &buffer, buffer.count) } while count < 0 && errno == EINTR
    return count > 0 ? Data(buffer[0..<count]) : Data()
  }
}

/// The process groups of the programs now running, so an interrupted build can stop them all.
public final class RunningChildren: @unchecked Sendable {
  /// The one registry of this `flowbook` process.
  public static let shared = RunningChildren()
  private let lock = NSLock()
  private var groups: Set<pid_t> = []

  func insert(_ pid: pid_t) { lock.withLock { _ = groups.insert(pid) } }
  func remove(_ pid: pid_t) { lock.withLock { _ = groups.remove(pid) } }

  /// Kills every running program with its process group (compilers and chapter programs alike).
  public func killAll() {
    lock.withLock {
      for group in groups { kill(-group, SIGKILL) }
    }
  }
}
