import Foundation
import PlanScopeTestSupport
import Testing

/// `planscope test`: golden-output checks run by the built binary, from the package root.
@Suite struct TestCommandTests {
    private let root = packageRoot().path

    private func planscope(_ arguments: String...) throws -> ProcessOutcome {
        try runProduct("planscope", arguments, directory: root)
    }

    /// A copy of Scripts/ (its scripts and expected files, not the benchmarks) in a fresh folder.
    private func copyOfScripts() throws -> String {
        let folder = try makeTemporaryDirectory("planscope-golden")
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/Scripts")
        where name.hasSuffix(".lua") || name.hasSuffix(".expected") {
            try FileManager.default.copyItem(atPath: "\(root)/Scripts/\(name)", toPath: "\(folder)/\(name)")
        }
        return folder
    }

    @Test("the project's own scripts pass, one line per check and the summary last")
    func projectScripts() throws {
        let outcome = try planscope("test", "Scripts")
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("ok   Scripts/annual_assessment.lua (markdown)"))
        #expect(lines.contains("ok   Scripts/counts_by_department.lua"))
        #expect(lines.last == "\(lines.count - 1) passed, 0 failed")
        #expect(lines.count - 1 >= 7)
        #expect(try planscope("test").stdout == outcome.stdout)
    }

    @Test("a changed expected file fails with a unified diff, and --update fixes it")
    func mismatchAndUpdate() throws {
        let folder = try copyOfScripts()
        let expectedPath = folder + "/counts_by_department.expected"
        let original = try String(contentsOfFile: expectedPath, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let replaced = lines[4]
        lines[4] = "a deliberately wrong line"
        try lines.joined(separator: "\n").write(toFile: expectedPath, atomically: true, encoding: .utf8)

        let failing = try planscope("test", folder)
        #expect(failing.status == 1)
        let diff = """
            FAIL \(folder)/counts_by_department.lua
            --- expected
            +++ actual
            @@ -2,7 +2,7 @@
             \(lines[1])
             \(lines[2])
             \(lines[3])
            -a deliberately wrong line
            +\(replaced)
             \(lines[5])
             \(lines[6])
             \(lines[7])

            """
        #expect(failing.stdout.contains(diff), "\(failing.stdout)")
        #expect(failing.stdout.contains("ok   \(folder)/regional_gaps.lua\n"))
        #expect(failing.stdout.hasSuffix("failed\n"))
        #expect(failing.stdout.split(separator: "\n").last.map(String.init)?.hasSuffix(" passed, 1 failed") == true)

        let updating = try planscope("test", "--update", folder)
        #expect(updating.status == 0)
        #expect(updating.stdout.contains("updated \(expectedPath)\n--- expected\n+++ actual\n"))
        #expect(updating.stdout.contains("1 expected file updated\n"))
        #expect(try String(contentsOfFile: expectedPath, encoding: .utf8) == original)

        let passing = try planscope("test", folder)
        #expect(passing.status == 0)
        #expect(passing.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test("a script that raises an error fails with its error; the others still run")
    func scriptError() throws {
        let folder = try makeTemporaryDirectory("planscope-golden")
        try "print('fine')\n".write(toFile: folder + "/a.lua", atomically: true, encoding: .utf8)
        try "fine\n".write(toFile: folder + "/a.expected", atomically: true, encoding: .utf8)
        try "print('half')\nerror('boom')\n".write(toFile: folder + "/b.lua", atomically: true, encoding: .utf8)
        try "half\n".write(toFile: folder + "/b.json.expected", atomically: true, encoding: .utf8)
        try "print('no golden')\n".write(toFile: folder + "/c.lua", atomically: true, encoding: .utf8)
        let outcome = try planscope("test", folder)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "ok   \(folder)/a.lua")
        #expect(lines[1] == "FAIL \(folder)/b.lua (json)")
        #expect(lines[2].hasSuffix("/b.lua:2: boom"))
        #expect(lines.last == "1 passed, 1 failed")
        #expect(!outcome.stdout.contains("c.lua"))
    }

    @Test("a script named directly without an expected file is created by --update")
    func createWithUpdate() throws {
        let folder = try makeTemporaryDirectory("planscope-golden")
        try "print(1 + 1)\n".write(toFile: folder + "/new.lua", atomically: true, encoding: .utf8)
        let missing = try planscope("test", folder + "/new.lua")
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("no expected output: '\(folder)/new.expected' does not exist"))
        #expect(try planscope("test", "--update", folder + "/new.lua").status == 0)
        #expect(try String(contentsOfFile: folder + "/new.expected", encoding: .utf8) == "2\n")
    }

    @Test("a path that does not exist is missing input")
    func missingPath() throws {
        let outcome = try planscope("test", "no/such/folder")
        #expect(outcome.status == 66)
        #expect(outcome.stderr == "planscope: cannot open 'no/such/folder' (no such file or folder)\n")
    }
}
