import Foundation
import Testing

/// Compares `text` whole with the snapshot `Snapshots/<name>.txt` kept beside the
/// test file, recording a line diff on a mismatch (as swift-argument-parser's
/// snapshot tests do).
///
/// Run with `RECORD_SNAPSHOTS=1` to write the current text as the snapshot
/// instead; a recording run always fails, so it cannot pass unnoticed in CI.
/// A missing snapshot fails and says how to record it.
///
/// - Parameters:
///   - text: The rendered text under test.
///   - name: The snapshot's file name without `.txt`, usually the test's name.
///   - directory: The path of the test file whose sibling `Snapshots/` folder
///     holds the snapshot; leave it to default to the calling file.
public func assertSnapshot(
    _ text: String, named name: String, in directory: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: directory).deletingLastPathComponent()
        .appendingPathComponent("Snapshots", isDirectory: true)
    let file = folder.appendingPathComponent(name + ".txt")
    let flag = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] ?? ""
    if !flag.isEmpty, flag != "0" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
            Issue.record(
                "recorded snapshot '\(name)' at \(file.path); unset RECORD_SNAPSHOTS and rerun",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record(
                "cannot record snapshot '\(name)' at \(file.path): \(error)",
                sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
        Issue.record(
            "no snapshot '\(name)' at \(file.path); run with RECORD_SNAPSHOTS=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    assertEqualText(text, String(decoding: data, as: UTF8.self), sourceLocation: sourceLocation)
}
