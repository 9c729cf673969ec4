import Foundation
import PlanScopeTestSupport
import Testing

/// `run --provenance`: a sidecar next to each file written.
@Suite struct ProvenanceTests {
    private let data = packageRoot().appendingPathComponent("Datasets/plan2013").path

    private func sidecar(_ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(object as? [String: Any])
    }

    @Test("write() and --output each get a sidecar with the script, inputs and their hashes")
    func sidecars() throws {
        let directory = try makeTemporaryDirectory("provenance")
        let csv = "a,b\n1,x\n2,y\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: directory + "/in.csv"))
        let script = #"local t = read_csv("in.csv") write(t, "copy.csv") show(t)"#
        try Data(script.utf8).write(to: URL(fileURLWithPath: directory + "/s.lua"))
        let outcome = try runProduct(
            "planscope", ["run", "--provenance", "--output", "shown.json", "--data", data, "s.lua", "x1"],
            directory: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for output in ["copy.csv", "shown.json"] {
            let record = try sidecar(directory + "/\(output).meta.json")
            #expect(
                record.keys.sorted() == [
                    "arguments", "git_revision", "inputs", "parameters", "planscope_version",
                    "run_time", "script",
                ])
            let scriptRecord = try #require(record["script"] as? [String: Any])
            #expect(scriptRecord["path"] as? String == "s.lua")
            // As `sha256sum s.lua` and `sha256sum in.csv` give them.
            #expect(
                scriptRecord["sha256"] as? String == "0acec8e11a1ba3278c084a78f6fe68912c4449bde6780c1f2a388ccedafcd424")
            #expect(record["arguments"] as? [String] == ["x1"])
            #expect(record["git_revision"] is NSNull || (record["git_revision"] as? String)?.count == 40)
            let inputs = try #require(record["inputs"] as? [[String: Any]])
            let read = try #require(inputs.last)
            #expect(read["path"] as? String == "in.csv")
            #expect(read["rows"] as? Int == 2)
            #expect(read["sha256"] as? String == "15920f3fb7c051cc15fceee84432e8803a139a9b53a4ea832c37bf1109e200cf")
            #expect(
                inputs.contains {
                    ($0["path"] as? String)?.hasSuffix("plan2013/measures.csv") == true && $0["rows"] as? Int == 42
                })
            #expect((record["run_time"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test("two runs on the same inputs give the same sidecar apart from the time")
    func stable() throws {
        let directory = try makeTemporaryDirectory("provenance")
        var texts: [String] = []
        for _ in 0..<2 {
            let outcome = try runProduct(
                "planscope", ["eval", "--output", "o.csv", "--data", data, "show(plan.tasks)"], directory: directory)
            #expect(outcome.status == 0)
            let run = try runProduct(
                "planscope", ["run", "--provenance", "--output", "o.csv", "--data", data, "-"],
                stdin: "show(plan.tasks)", directory: directory)
            #expect(run.status == 0, "\(run.stderr)")
            let text = try String(contentsOfFile: directory + "/o.csv.meta.json", encoding: .utf8)
            texts.append(text.split(separator: "\n").filter { !$0.contains("\"run_time\"") }.joined(separator: "\n"))
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0].contains(#""script": {"path": "-", "sha256": ""#))
    }

    @Test("without --provenance no sidecar is written")
    func noSidecar() throws {
        let directory = try makeTemporaryDirectory("provenance")
        let outcome = try runProduct(
            "planscope", ["eval", "--output", "o.csv", "show(Table.from{{a = 1}})"],
            directory: directory)
        #expect(outcome.status == 0)
        #expect(!FileManager.default.fileExists(atPath: directory + "/o.csv.meta.json"))
    }
}
