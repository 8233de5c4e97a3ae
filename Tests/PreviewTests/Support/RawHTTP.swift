import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, so a test sends exactly the request line it means
/// (`GET /%2e%2e/Package.swift`), which URL libraries would normalise away.
struct RawHTTP {
  /// A connected socket to `127.0.0.1:port`.
  final class Connection {
    let descriptor: Int32
    private var buffer = Data()

    init(port: UInt16) throws {
      descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      guard connected == 0 else {
        close(descriptor)
        throw Failure("cannot connect to port \(port): \(String(cString: strerror(errno)))")
      }
    }

    deinit { close(descriptor) }

    func send(_ text: String) {
      let bytes = Array(text.utf8)
      _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `done` holds for what was read, the peer closes, or `deadline` passes; returns all read.
    func read(until deadline: Date, done: (Data) -> Bool) -> Data {
      var chunk = [UInt8](repeating: 0, count: 16384)
      while !done(buffer) {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { break }
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, Int32(min(left, 1) * 1000)) >= 0 else { break }
        if waiting.revents == 0 { continue }
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { break }
        buffer.append(contentsOf: chunk[0..<count])
      }
      return buffer
    }

    /// Drops the first `count` bytes read.
    func consume(_ count: Int) { buffer.removeFirst(count) }
  }

  /// A response: status and body (the head's `Content-Length` bytes).
  struct Response {
    var status: Int
    var headers: String
    var body: String
  }

  /// `GET path` with the path sent verbatim.
  static func get(_ path: String, port: UInt16) throws -> Response {
    let connection = try Connection(port: port)
    connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    let data = connection.read(until: Date() + 60) { data in
      guard let head = data.range(of: Data("\r\n\r\n".utf8)) else { return false }
      let headers = String(decoding: data[..<head.lowerBound], as: UTF8.self)
      let length = headers.firstMatch(of: /(?i)content-length:\s*(\d+)/).flatMap { Int($0.1) } ?? 0
      return data.count - head.upperBound >= length
    }
    guard let head = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure("no response to GET \(path)") }
    let headers = String(decoding: data[..<head.lowerBound], as: UTF8.self)
    guard let status = headers.firstMatch(of: /^HTTP\/1\.1 (\d{3})/).flatMap({ Int($0.1) }) else {
      throw Failure("not an HTTP response to GET \(path): \(headers.prefix(200))")
    }
    return Response(status: status, headers: headers, body: String(decoding: data[head.upperBound...], as: UTF8.self))
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
