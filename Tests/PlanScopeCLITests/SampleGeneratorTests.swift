import Foundation
import PlanScopeTestSupport
import Testing

/// The synthetic sample is made by a committed, seeded generator: running it again must
/// give the committed files byte for byte.
@Suite struct SampleGeneratorTests {
    @Test("the generator reproduces the committed sample2013 CSV files exactly, run after run")
    func deterministic() throws {
        let root = packageRoot().path
        var outputs: [[String: Data]] = []
        for _ in 0..<2 {
            let folder = try makeTemporaryDirectory()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "Scripts/generate_sample2013.py", "--out", folder]
            process.currentDirectoryURL = URL(fileURLWithPath: root)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            outputs.append(try csvFiles(in: folder))
        }
        let committed = try csvFiles(in: root + "/Datasets/sample2013")
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == committed)
        #expect(committed.count == 6)
    }

    private func csvFiles(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".csv") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }
}
