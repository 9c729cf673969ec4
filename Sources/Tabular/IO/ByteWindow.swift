#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A window onto a file or a buffer, moved forward a few megabytes at a time.
///
/// Readers that parse in one pass use this instead of loading the whole file:
/// peak memory holds one window, not the file, and the kernel's page cache
/// does the rest. Bytes a parser has not finished with (a record cut by the
/// window's end) are carried to the front of the next window. A buffer in
/// memory is one window that is already at the end.
final class ByteWindow {
    /// Bytes read per refill; a record longer than this grows the window.
    static let chunkSize = 1 << 22

    let path: String
    private let descriptor: Int32
    private var storage: UnsafeMutableRawBufferPointer?
    /// The start of the input when it is in memory.
    private var memoryBase: UnsafeRawPointer?
    /// The window's bytes.
    private(set) var base: UnsafePointer<UInt8>
    /// The number of bytes in the window.
    private(set) var count: Int
    /// The offset in the input of the window's first byte.
    private(set) var offset = 0
    /// Whether the window reaches the end of the input.
    private(set) var isEOF: Bool
    /// The size of the input.
    let totalBytes: Int

    /// Opens a file, with the window starting at byte `start`.
    /// - Throws: ``FileError`` when it cannot be opened or read.
    init(path: String, startingAt start: Int = 0) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError.cannotOpen(path, errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw FileError.cannotOpen(path, errno: code)
        }
        totalBytes = Int(status.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ByteWindow.chunkSize, alignment: 16)
        storage = buffer
        base = UnsafePointer(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
        count = 0
        isEOF = false
        if start > 0 {
            _ = try rewind(to: start)
        } else {
            try refill(keepingFrom: 0)
        }
    }

    /// Wraps bytes in memory, which must outlive the window, with the window
    /// starting at byte `start`.
    init(memory: UnsafeRawBufferPointer, name: String, startingAt start: Int = 0) {
        path = name
        descriptor = -1
        memoryBase = memory.baseAddress
        if let address = memory.baseAddress {
            storage = nil
            base = (address + start).assumingMemoryBound(to: UInt8.self)
        } else {
            // An empty buffer may have no address; a byte of our own stands in.
            let byte = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 1)
            storage = byte
            base = UnsafePointer(byte.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        count = memory.count - start
        offset = start
        totalBytes = memory.count
        isEOF = true
    }

    /// Another window onto the same input, starting at byte `start`: the way
    /// one thread each reads its own part of a file.
    /// - Throws: ``FileError`` when the file cannot be opened again or read.
    func view(startingAt start: Int) throws -> ByteWindow {
        if descriptor < 0 {
            let memory = UnsafeRawBufferPointer(start: memoryBase, count: totalBytes)
            return ByteWindow(memory: memory, name: path, startingAt: start)
        }
        return try ByteWindow(path: path, startingAt: start)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        storage?.deallocate()
    }

    /// Moves the window forward so it starts at `start` (an offset in the
    /// window), and reads more. Grows the window when `start` is 0 and it is full.
    /// - Throws: ``FileError`` on a read error.
    func refill(keepingFrom start: Int) throws {
        guard descriptor >= 0, !isEOF, var buffer = storage else { return }
        let kept = count - start
        if start > 0 && kept > 0 {
            memmove(buffer.baseAddress!, buffer.baseAddress! + start, kept)
        }
        offset += start
        if kept == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
            buffer.deallocate()
            buffer = bigger
            storage = bigger
            base = UnsafePointer(bigger.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        var filled = kept
        while filled < buffer.count {
            let got = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if got < 0 {
                if errno == EINTR { continue }
                throw FileError.cannotRead(path, errno: errno)
            }
            if got == 0 {
                isEOF = true
                break
            }
            filled += got
        }
        count = filled
    }

    /// Starts again at `position`, an offset in the input; returns the offset
    /// of that position in the new window.
    /// - Throws: ``FileError`` on a read error.
    func rewind(to position: Int) throws -> Int {
        if descriptor < 0 || (position >= offset && position <= offset + count) { return position - offset }
        guard lseek(descriptor, off_t(position), SEEK_SET) >= 0 else {
            throw FileError.cannotRead(path, errno: errno)
        }
        offset = position
        count = 0
        isEOF = false
        try refill(keepingFrom: 0)
        return 0
    }
}
