import Foundation
import PlanScopeTestSupport
import Testing

/// Runs every script of `Tests/Hostile/` with `planscope run` and checks its exit code and
/// first line of standard error against `<case>.expected`.
///
/// An expected file holds the exit code on its first line; then the exact first line of
/// standard error (empty when there must be none), or `prefix: ` and a prefix of it for
/// messages worded by liblua itself; then any `stdout: ` lines, the exact standard output.
/// A script's first line `-- flags: …` gives extra arguments (`$ROOT` is the package root).
/// Each runs in a fresh `work` folder beside which nothing may appear, with a `link.csv`
/// that points outside it, so a write that escapes the folder is caught.
@Suite struct HostileCorpusTests {
    static let corpus = packageRoot().appendingPathComponent("Tests/Hostile").path

    /// The case names (scripts without `.lua`), sorted.
    static func cases() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// A temporary folder holding `work/` (the working directory, with the script and a
    /// link to `../outside.csv`), and the outcome of running the script there.
    private func run(_ name: String, in root: String? = nil) throws -> (
        root: String, work: String, outcome: ProcessOutcome
    ) {
        let root = try root ?? makeTemporaryDirectory("hostile")
        let work = root + "/work"
        let manager = FileManager.default
        if !manager.fileExists(atPath: work) {
            try manager.createDirectory(atPath: work, withIntermediateDirectories: false)
            try manager.createSymbolicLink(atPath: work + "/link.csv", withDestinationPath: root + "/outside.csv")
        }
        let script = try String(contentsOfFile: HostileCorpusTests.corpus + "/\(name).lua", encoding: .utf8)
        try script.write(toFile: work + "/\(name).lua", atomically: false, encoding: .utf8)
        var flags: [String] = []
        if let first = script.split(separator: "\n").first, first.hasPrefix("-- flags: ") {
            flags = first.dropFirst("-- flags: ".count)
                .replacingOccurrences(of: "$ROOT", with: packageRoot().path)
                .split(separator: " ").map(String.init)
        }
        let outcome = try runProduct("planscope", ["run"] + flags + ["\(name).lua"], directory: work)
        return (root, work, outcome)
    }

    @Test(
        "each hostile script is refused or contained with its exact message and exit code",
        arguments: HostileCorpusTests.cases())
    func hostile(name: String) throws {
        let absolute = "/tmp/abs.csv"
        let absoluteExisted = FileManager.default.fileExists(atPath: absolute)
        let (root, work, outcome) = try run(name)
        defer { try? FileManager.default.removeItem(atPath: root) }

        let expected = try String(contentsOfFile: HostileCorpusTests.corpus + "/\(name).expected", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(expected.count >= 2)
        #expect(outcome.status == Int32(expected[0]), "\(outcome.stderr)")
        let resolvedWork = URL(fileURLWithPath: work).resolvingSymlinksInPath().path
        let firstLine =
            outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).first
            .map { $0.replacingOccurrences(of: resolvedWork, with: "$WORK") } ?? ""
        if expected[1].hasPrefix("prefix: ") {
            let prefix = String(expected[1].dropFirst("prefix: ".count))
            #expect(firstLine.hasPrefix(prefix), "\(firstLine)")
        } else {
            #expect(firstLine == expected[1])
        }
        let stdout = expected.dropFirst(2).filter { $0.hasPrefix("stdout: ") }.map {
            $0.dropFirst("stdout: ".count) + "\n"
        }
        assertEqualText(outcome.stdout, stdout.joined())
        if outcome.status == 124 {
            // The limit is 1 s and the backstop fires at 1.5 s; a slow machine gets some slack.
            #expect(outcome.seconds < 3)
        }
        // Nothing written: not beside the working folder, not in it, not at an absolute path.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["work"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["\(name).lua", "link.csv"].sorted())
        if !absoluteExisted { #expect(!FileManager.default.fileExists(atPath: absolute)) }
    }

    @Test("a script that rewrites libraries leaves the next script's environment untouched")
    func freshEnvironment() throws {
        let (root, _, tamper) = try run("globals-rawset-libraries")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(tamper.stdout == "abab\towned\tnil\n")
        let next = try run("globals-fresh-env", in: root).outcome
        #expect(next.status == 0)
        #expect(next.stdout == "abab\tfunction\tnil\tnil\n")
    }
}
