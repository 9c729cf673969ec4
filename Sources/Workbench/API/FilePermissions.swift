import Foundation

/// The folders a script may read from and write to.
///
/// Paths are compared after resolving `..` and symbolic links, so neither
/// `../x.csv` nor a link inside an allowed folder that points outside it gets
/// through. By default both lists hold the working directory.
public struct FilePermissions: Sendable {
    /// Folders (and everything below) that `read_csv` may read.
    public var readRoots: [String]
    /// Folders (and everything below) that `write` may write.
    public var writeRoots: [String]

    public init(readRoots: [String], writeRoots: [String]) {
        self.readRoots = readRoots.map(FilePermissions.resolved)
        self.writeRoots = writeRoots.map(FilePermissions.resolved)
    }

    /// The working directory for both.
    public static func workingDirectory() -> FilePermissions {
        let here = FileManager.default.currentDirectoryPath
        return FilePermissions(readRoots: [here], writeRoots: [here])
    }

    /// The resolved path when `path` may be read, else `nil`.
    public func readable(_ path: String) -> String? { allowed(path, under: readRoots) }

    /// The resolved path when `path` may be written, else `nil`. The file need not exist;
    /// its folder must.
    public func writable(_ path: String) -> String? { allowed(path, under: writeRoots) }

    private func allowed(_ path: String, under roots: [String]) -> String? {
        let resolved = FilePermissions.resolved(path)
        return roots.contains { resolved == $0 || resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") } ? resolved : nil
    }

    /// An absolute path with `..`, `.` and every symbolic link resolved, including
    /// a link at the last component (a write through it would land where it points).
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        let last = folder.appendingPathComponent(url.lastPathComponent)
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: last.path) {
            return resolved(target.hasPrefix("/") ? target : folder.path + "/" + target)
        }
        return last.standardizedFileURL.path
    }
}
