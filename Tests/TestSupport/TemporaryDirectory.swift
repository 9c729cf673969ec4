import Foundation

/// Creates a fresh, empty directory under the system's temporary directory and
/// returns its path, for tests that write files.
public func makeTemporaryDirectory(_ prefix: String = "planscope-test") throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
