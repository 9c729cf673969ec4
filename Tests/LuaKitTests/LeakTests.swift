import Foundation
import LuaKit
import PlanScopeTestSupport
import Testing

@Suite struct LeakTests {
    @Test("runs 10,000 short scripts in one process without growth")
    func tenThousandScripts() throws {
        let counter = LifetimeCounter()
        func runBatch(_ count: Int) throws {
            for index in 0..<count {
                let lua = try SandboxedLua(limits: LuaLimits(timeout: 5, maxMemory: 8 << 20))
                let tracked = LifetimeTracked(counter, value: index)
                lua.define("value") { call in try call.results(.integer(Int64(tracked.value))) }
                let code =
                    index % 10 == 0 ? "error('planned')" : "local t = {} for i = 1, 50 do t[i] = value() end return #t"
                _ = try? lua.run(code)
            }
        }
        try runBatch(1_000)
        let before = residentBytes()
        try runBatch(9_000)
        let growth = residentBytes() - before
        #expect(counter.live == 0)
        #expect(counter.created == 10_000)
        // Other suites run in parallel in this process, so RSS is a loose bound; the exact
        // check is the lifetime count above.
        #expect(growth < 64 << 20, "resident memory grew by \(growth) bytes over 9,000 scripts")
    }

    private func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
