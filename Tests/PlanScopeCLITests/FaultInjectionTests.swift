import Foundation
import PlanScopeTestSupport
import Testing

/// Faults outside the script's control: the process killed mid-write, a full disk, a
/// target folder that cannot exist. In each, the file that was there before survives whole.
@Suite struct FaultInjectionTests {
    /// `AtomicFile`'s temporary name for a target `big.csv`: `.big.csv.<pid>.<base 36>.tmp`.
    static func isTemporary(_ name: String, of target: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let stem = target.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == stem.count + 4, parts.first == "", parts.last == "tmp" else { return false }
        return Array(parts[1...stem.count]) == stem
            && parts[stem.count + 1].allSatisfy(\.isNumber)
            && parts[stem.count + 2].allSatisfy { $0.isNumber || ("a"..."z").contains($0) }
    }

    /// Mounting a tmpfs needs root and a kernel that lets this container mount; probed once.
    static let canMountTmpfs: Bool = {
        guard geteuid() == 0, let probe = try? makeTemporaryDirectory("tmpfs-probe") else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard mountTmpfs(at: probe, size: "64k") else { return false }
        return unmount(probe)
    }()

    static func mountTmpfs(at path: String, size: String) -> Bool {
        runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
    }

    static func unmount(_ path: String) -> Bool { runTool("/bin/umount", [path]) }

    private static func runTool(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test("a SIGKILL in the middle of a large write leaves the old file intact")
    func killedMidWrite() throws {
        let directory = try makeTemporaryDirectory("fault-kill")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = "n\n1\n2\n"
        try old.write(toFile: directory + "/big.csv", atomically: false, encoding: .utf8)
        try """
        local n = {} for i = 1, 1000000 do n[i] = i end
        write(Table.from{ n = n, m = n }, "big.csv")
        """.write(toFile: directory + "/big.lua", atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = productsDirectory().appendingPathComponent("planscope")
        process.arguments = ["run", "big.lua"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill once the temporary file exists and has grown, so the write is under way.
        let deadline = Date().addingTimeInterval(20)
        var temporary: String?
        while Date() < deadline, process.isRunning {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            if let name = names.first(where: { FaultInjectionTests.isTemporary($0, of: "big.csv") }),
                let size = try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int,
                size > 0
            {
                temporary = name
                break
            }
            usleep(1_000)
        }
        let killed = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killed, "the write finished before the kill; the test did not interrupt it")
        #expect(temporary != nil)
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try String(contentsOfFile: directory + "/big.csv", encoding: .utf8) == old)
        // SIGKILL gives no chance to clean up: the temporary file may stay, under its documented
        // name (docs/lua-api.md, write); nothing else may appear.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        let strays = left.filter { !["big.csv", "big.lua"].contains($0) }
        #expect(strays.allSatisfy { FaultInjectionTests.isTemporary($0, of: "big.csv") }, "\(strays)")
        #expect(strays.count <= 1)
    }

    @Test("a target whose folder is a regular file fails with exit 73 and a clear message")
    func notADirectory() throws {
        let directory = try makeTemporaryDirectory("fault-notdir")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "a\n1\n".write(toFile: directory + "/plain.csv", atomically: false, encoding: .utf8)
        let outcome = try runProduct(
            "planscope", ["eval", #"write(Table.from{ { a = 2 } }, "plain.csv/out.csv")"#],
            directory: directory)
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        #expect(outcome.status == 73)
        #expect(
            outcome.stderr.hasPrefix(
                "planscope: (eval):1: cannot create '\(resolved)/plain.csv/out.csv' (not a directory)\n"))
        #expect(try String(contentsOfFile: directory + "/plain.csv", encoding: .utf8) == "a\n1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["plain.csv"])
    }

    @Test(
        "a full disk fails with exit 73, keeps the old file and leaves no temporary file",
        .enabled(if: FaultInjectionTests.canMountTmpfs, "needs root and permission to mount a tmpfs"))
    func fullDisk() throws {
        let directory = try makeTemporaryDirectory("fault-full")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #require(FaultInjectionTests.mountTmpfs(at: directory, size: "64k"))
        defer { _ = FaultInjectionTests.unmount(directory) }
        try "old\n".write(toFile: directory + "/out.csv", atomically: false, encoding: .utf8)
        let outcome = try runProduct(
            "planscope",
            ["eval", "local n = {} for i = 1, 100000 do n[i] = i end write(Table.from{ n = n }, 'out.csv')"],
            directory: directory)
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        #expect(outcome.status == 73)
        #expect(
            outcome.stderr.hasPrefix(
                "planscope: (eval):1: cannot write '\(resolved)/out.csv' (no space left on device)\n"))
        #expect(try String(contentsOfFile: directory + "/out.csv", encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }
}
