#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Writes a file so that readers see either the old contents or the new, never
/// a mix: the bytes go to a temporary file in the same directory, which is
/// synced and then renamed over the target.
///
/// The temporary file is removed when anything fails, so a failed write leaves
/// the target as it was. A target that exists keeps its permissions.
///
/// For example:
/// ```swift
/// try AtomicFile.write(to: "out/compliance.csv") { output in
///     try output.write(Array("a,b\n".utf8))
/// }
/// ```
public enum AtomicFile {
    /// The open temporary file, handed to the closure that produces the contents.
    public struct Output: ~Copyable {
        fileprivate let descriptor: Int32
        fileprivate let path: String

        /// Appends bytes.
        /// - Throws: ``FileError`` when the write fails (a full disk, say).
        public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            var done = 0
            while done < bytes.count {
                let wrote = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if wrote < 0 {
                    if errno == EINTR { continue }
                    throw FileError.cannotWrite(path, errno: errno)
                }
                done += wrote
            }
        }

        /// Appends bytes.
        /// - Throws: ``FileError`` when the write fails.
        public mutating func write(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try write($0) }
        }
    }

    /// Writes `bytes` to `path` atomically.
    /// - Throws: ``FileError`` when the file cannot be created, written or moved into place.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { try $0.write(bytes) }
    }

    /// Writes what `produce` writes to `path` atomically; if `produce` throws,
    /// the target is left untouched and the error is rethrown.
    /// - Throws: ``FileError`` when the file cannot be created, written or moved
    ///   into place, or whatever `produce` throws.
    public static func write(to path: String, _ produce: (inout Output) throws -> Void) throws {
        let (directory, name) = split(path)
        var existing = stat()
        let targetExists = stat(path, &existing) == 0
        var generator = SystemRandomNumberGenerator()
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = "\(directory)/.\(name).\(getpid()).\(String(generator.next() % 1_000_000_000, radix: 36)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw FileError.cannotCreate(path, errno: errno) }
        var output = Output(descriptor: descriptor, path: path)
        do {
            if targetExists, fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
                throw FileError.cannotWrite(path, errno: errno)
            }
            try produce(&output)
            guard fsync(descriptor) == 0 else { throw FileError.cannotWrite(path, errno: errno) }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw FileError.cannotWrite(path, errno: errno) }
            guard rename(temporary, path) == 0 else { throw FileError.cannotWrite(path, errno: errno) }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable; a failure here cannot undo the write.
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The directory (`.` when none) and the file name of a path.
    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
