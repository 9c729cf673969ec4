import Foundation

/// A script to run: its bytes, the chunk name Lua reports, and the folder its modules come from.
public struct ScriptSource: Sendable {
    /// The script's text.
    public var bytes: [UInt8]
    /// Lua's chunk name: `@path` for files, `=stdin` or `=(eval)` otherwise.
    public var chunkName: String
    /// The name `arg[0]` holds.
    public var name: String
    /// The folder `require` searches first, or `nil` for code with no file.
    public var directory: String?

    public init(bytes: [UInt8], chunkName: String, name: String, directory: String?) {
        self.bytes = bytes
        self.chunkName = chunkName
        self.name = name
        self.directory = directory
    }

    /// Reads a script file, or standard input for `-`.
    ///
    /// A first line starting with `#` (a shebang) is blanked, keeping the line count, as `lua.c` does.
    /// - Throws: ``WorkbenchError`` `missingInput` when the file cannot be read.
    public static func file(_ path: String) throws -> ScriptSource {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            return ScriptSource(bytes: blankingShebang(Array(data)), chunkName: "=stdin", name: "-", directory: nil)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let contents = FileManager.default.contents(atPath: path)
        else {
            throw WorkbenchError.missingInput(
                path: path,
                reason: isDirectory.boolValue ? "is a directory" : "no such file or not readable")
        }
        data = contents
        let directory = (path as NSString).deletingLastPathComponent
        return ScriptSource(
            bytes: blankingShebang(Array(data)), chunkName: "@" + path, name: path,
            directory: directory.isEmpty ? "." : directory)
    }

    /// Code given on the command line.
    public static func code(_ text: String) -> ScriptSource {
        ScriptSource(bytes: Array(text.utf8), chunkName: "=(eval)", name: "(eval)", directory: nil)
    }

    static func blankingShebang(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.first == UInt8(ascii: "#") else { return bytes }
        return Array(bytes.drop { $0 != UInt8(ascii: "\n") })
    }
}
