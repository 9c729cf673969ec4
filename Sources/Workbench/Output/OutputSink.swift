import Foundation

/// Where a script's output goes: `print`, `show` and the results of `eval`.
///
/// Library targets never write to the terminal themselves; the command-line
/// program hands the runner a sink.
public protocol OutputSink: AnyObject {
    /// Appends bytes.
    func write(_ bytes: [UInt8])
    /// Pushes buffered bytes to their destination.
    func flush()
}

extension OutputSink {
    /// Appends UTF-8 text.
    public func write(_ text: String) { write(Array(text.utf8)) }
}

/// Collects output in memory, for tests and for capturing a result.
public final class BufferSink: OutputSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}
    public func write(_ bytes: [UInt8]) { self.bytes += bytes }
    public func flush() {}

    /// The output as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Writes to a file descriptor (standard output by default) through a buffer.
///
/// A closed pipe (`planscope run x.lua | head`) ends the process quietly with
/// status 0, as `cat` and DuckDB do: the reader has what it wanted.
public final class FileDescriptorSink: OutputSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Writes to `descriptor`, which stays open.
    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        signal(SIGPIPE, SIG_IGN)
    }

    public func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
