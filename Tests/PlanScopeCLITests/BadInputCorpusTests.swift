import Foundation
import PlanScopeTestSupport
import Testing

/// Runs every case of `Tests/BadInput/` (see its README) through the built `planscope`
/// and compares standard error, the exit code and, where given, standard output exactly.
@Suite struct BadInputCorpusTests {
    static let corpus = packageRoot().appendingPathComponent("Tests/BadInput").path

    /// The case folders, sorted so the run order never depends on the file system.
    static func cases() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: corpus + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// Inputs too large to commit, written into the case's copy before it runs.
    static let generated: [String: String] = [
        "wide-1000-columns": (0..<1000).map { "c\($0)" }.joined(separator: ",") + "\n"
            + (0..<1000).map(String.init).joined(separator: ",") + "\n",
        "field-10mb": "id,text\n1,\"" + String(repeating: "x", count: 10_000_000) + "\"\n",
    ]

    @Test("the corpus holds every case the README lists, and the generated ones")
    func corpusIsComplete() throws {
        let readme = try String(contentsOfFile: BadInputCorpusTests.corpus + "/README.md", encoding: .utf8)
        let listed = readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| "), !line.hasPrefix("| case") else { return nil }
            return line.dropFirst(2).split(separator: " ").first.map(String.init)
        }
        #expect(listed.sorted() == BadInputCorpusTests.cases())
        #expect(listed.count == 20)
        for name in BadInputCorpusTests.generated.keys {
            #expect(!FileManager.default.fileExists(atPath: BadInputCorpusTests.corpus + "/\(name)/input.csv"))
        }
    }

    @Test("each bad input gives its exact message and exit code", arguments: BadInputCorpusTests.cases())
    func badInput(name: String) throws {
        let copy = try makeTemporaryDirectory("bad-input") + "/" + name
        try FileManager.default.copyItem(atPath: BadInputCorpusTests.corpus + "/" + name, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        if let input = BadInputCorpusTests.generated[name] {
            try input.write(toFile: copy + "/input.csv", atomically: false, encoding: .utf8)
        }
        let arguments =
            FileManager.default.fileExists(atPath: copy + "/case.lua")
            ? ["run", "case.lua"] : ["check", "--data", "workspace"]
        let outcome = try runProduct("planscope", arguments, directory: copy)

        func expected(_ file: String) throws -> String? {
            let path = copy + "/" + file
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let code = try #require(try expected("exit"))
        #expect(outcome.status == Int32(code.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Messages name the file by its resolved absolute path; the corpus writes `$CASE` for it.
        let resolved = URL(fileURLWithPath: copy).resolvingSymlinksInPath().path
        assertEqualText(
            outcome.stderr.replacingOccurrences(of: resolved, with: "$CASE"),
            try #require(try expected("expected.txt")))
        if let stdout = try expected("expected-stdout.txt") {
            assertEqualText(outcome.stdout, stdout)
        } else {
            #expect(outcome.stdout == "")
        }
    }
}
