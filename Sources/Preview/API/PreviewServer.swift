import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP server (FlyingFox): the files of one folder, the reload channel and its script.
///
/// Routes: `GET /_flowbook/events` (Server-Sent Events from an `EventHub`), `GET /_flowbook/preview.js`
/// (`PreviewScript`), and every other `GET` a file inside `root` (HTML pages with the script added,
/// see `StaticFiles`). Responses are never cached, so a reload always shows the newest report.
public final class PreviewServer: Sendable {
  private let server: HTTPServer
  private let files: StaticFiles
  private let hub: EventHub

  /// A server for `root` on `host` (an IPv4 or IPv6 address) and `port` (0: any free port).
  public init(root: String, host: String, port: UInt16, hub: EventHub) throws {
    files = StaticFiles(root: root)
    self.hub = hub
    let address: any SocketAddress =
      host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    server = HTTPServer(address: address, timeout: 30, logger: .disabled)
  }

  /// Starts listening and serving in the background; returns the port listened on.
  public func start() async throws -> UInt16 {
    await server.appendRoute("GET /*") { [files, hub] request in
      Self.respond(to: request, files: files, hub: hub)
    }
    let task = Task { try await server.run() }
    do {
      try await server.waitUntilListening(timeout: 10)
    } catch {
      task.cancel()
      // The real reason (address in use, say) is what `run` threw.
      try await task.value
      throw error
    }
    switch await server.listeningAddress {
    case .ip4(_, let port), .ip6(_, let port): return port
    default: return 0
    }
  }

  static func respond(to request: HTTPRequest, files: StaticFiles, hub: EventHub) -> HTTPResponse {
    let path = request.target.path()
    switch path {
    case PreviewScript.eventsPath:
      return HTTPResponse(
        statusCode: .ok,
        headers: [.contentType: "text/event-stream", .cacheControl: "no-store", HTTPHeader("X-Accel-Buffering"): "no"],
        body: HTTPBodySequence(from: EventStreamBody(frames: hub.subscribe())))
    case PreviewScript.path:
      return HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
        body: Data(PreviewScript.source.utf8))
    default:
      return fileResponse(path, files: files)
    }
  }

  private static func fileResponse(_ path: String, files: StaticFiles) -> HTTPResponse {
    let file: String
    do {
      file = try files.file(for: path)
    } catch {
      if error == .forbidden {
        return HTTPResponse(statusCode: .forbidden, body: Data("403 forbidden: outside the report\n".utf8))
      }
      // No report yet (the first build failed, or runs): a page that shows the failures and waits for a good build.
      if !FileManager.default.fileExists(atPath: files.root + "/index.html") {
        return HTTPResponse(
          statusCode: .serviceUnavailable,
          headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
          body: Data(StaticFiles.injectingScript(into: StaticFiles.placeholderPage).utf8))
      }
      return HTTPResponse(statusCode: .notFound, body: Data("404 not found\n".utf8))
    }
    guard var data = FileManager.default.contents(atPath: file) else {
      return HTTPResponse(statusCode: .notFound, body: Data("404 not found\n".utf8))
    }
    let type = StaticFiles.contentType(of: file)
    if type.hasPrefix("text/html") {
      data = Data(StaticFiles.injectingScript(into: String(decoding: data, as: UTF8.self)).utf8)
    }
    return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
  }
}
