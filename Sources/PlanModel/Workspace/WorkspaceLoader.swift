import Foundation
import Tabular

/// Loads a workspace directory and checks everything about it, reporting every
/// problem at once.
///
/// Loading reads `workspace.json`, then each table's CSV with the manifest's
/// column types as a fixed schema (so nothing is inferred), then checks, in
/// this order: the manifest's own consistency; each file's CSV syntax and
/// types; nulls, allowed values and keys; foreign keys (skipped where either
/// table failed to load, so one broken file does not cascade); the
/// ``PlanRule/builtIn`` rules; and the manifest's expectations. Files are only
/// read, never written.
///
/// For example:
/// ```swift
/// do {
///     let workspace = try WorkspaceLoader.load(directory: "Datasets/plan2013")
/// } catch let error as WorkspaceError {
///     print(error)   // measures.csv:8:61: expected one of 'national', 'joint' … \n 1 problem
/// }
/// ```
public enum WorkspaceLoader {
    /// The manifest's file name inside a workspace directory.
    public static let manifestFileName = "workspace.json"

    /// Loads and checks the workspace in `directory`.
    ///
    /// Paths in problems are `directory` joined with the manifest's file names,
    /// so they read as the user typed them.
    /// - Throws: ``WorkspaceError`` of kind `missingInput` when the directory or
    ///   its manifest does not exist, and of kind `invalidData` listing every
    ///   problem otherwise.
    /// - Complexity: O(total size of the files), plus a rescan of a file whose
    ///   cells need locating for a message.
    /// - Parameter progress: told `(file, bytesRead, totalBytes)` while each table's
    ///   file is read, so a terminal can show progress on large files.
    public static func load(
        directory: String,
        progress: (@Sendable (_ file: String, _ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) throws -> Workspace {
        let directory =
            directory.count > 1 && directory.hasSuffix("/")
            ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw WorkspaceError(kind: .missingInput, problems: [.missingDirectory(directory)])
        }
        let manifestPath = join(directory, manifestFileName)
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw WorkspaceError(kind: .missingInput, problems: [.missingManifest(manifestPath)])
        }
        let text = String(decoding: data, as: UTF8.self)
        let locator = ManifestLocator(text: text)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            throw WorkspaceError(
                kind: .invalidData, problems: [decodingProblem(error, manifestPath, locator)])
        }
        var load = Load(
            directory: directory, manifestPath: manifestPath, manifest: manifest, locator: locator)
        load.progress = progress
        load.run()
        guard load.problems.isEmpty else {
            throw WorkspaceError(kind: .invalidData, problems: load.problems)
        }
        let tables = manifest.tables.compactMap { entry in
            load.tables[entry.name].map { (entry.name, $0) }
        }
        return Workspace(manifest: manifest, path: directory, tables: tables)
    }

    /// `directory/file`, without doubling a slash.
    static func join(_ directory: String, _ file: String) -> String {
        if file.hasPrefix("/") { return file }
        return directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// A decoding error, placed at the value it is about.
    private static func decodingProblem(
        _ error: DecodingError, _ path: String,
        _ locator: ManifestLocator
    ) -> WorkspaceProblem {
        func dotted(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let what: String
            switch type {
            case is String.Type: what = "a string"
            case is Bool.Type: what = "true or false"
            case is Int.Type: what = "an integer"
            case is [String].Type: what = "an array of strings"
            default: what = "a value of another kind"
            }
            let at = dotted(context.codingPath)
            return .manifest(path, locator.position(at), WorkspaceProblem.decoding(what, at: at))
        case .keyNotFound(let key, let context):
            let at = dotted(context.codingPath)
            return .manifest(
                path, locator.position(at),
                at.isEmpty
                    ? "expected a key '\(key.stringValue)' at the top level"
                    : "expected a key '\(key.stringValue)' in '\(at)'")
        case .dataCorrupted(let context):
            let underlying =
                (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey]
                as? String
            return .invalidJSON(path, reason: underlying ?? context.debugDescription)
        @unknown default:
            return .invalidJSON(path, reason: "\(error)")
        }
    }
}
