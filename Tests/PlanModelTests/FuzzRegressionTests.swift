import Foundation
import PlanModel
import PlanScopeTestSupport
import Testing

/// Manifests that hung or crashed the loader, kept as they were found: two from fuzzing
/// (Tests/Fuzz, FuzzManifest), the deep nesting from probing the same target by hand.
///
/// The time limit turns a regression into a failure rather than a test run that never ends.
@Suite(.timeLimit(.minutes(1))) struct ManifestFuzzRegressionTests {
    /// Loads a directory whose workspace.json is `manifest`, expecting a manifest problem.
    func problems(_ manifest: [UInt8]) throws -> [String] {
        let directory = try makeTemporaryDirectory("planmodel-fuzz")
        try Data(manifest).write(to: URL(fileURLWithPath: directory + "/workspace.json"))
        do {
            _ = try WorkspaceLoader.load(directory: directory)
        } catch let error as WorkspaceError {
            #expect(error.kind == .invalidData)
            return error.problems.map(\.description)
        }
        Issue.record("the malformed manifest loaded")
        return []
    }

    @Test("a stray closing brace inside an array is reported, not looped on")
    func strayBraceInArray() throws {
        let found = try problems(Array(#"{"tables":[}"#.utf8))
        #expect(found.count == 1)
    }

    @Test("the first input the fuzzer hung on is reported as invalid JSON")
    func firstFuzzHang() throws {
        let input = try #require(
            Data(
                base64Encoded: """
                    eyJuiAEAAAAAAAAsInRhYiIsInRhYmxlcyI6W3siamF7Im5hbWUiOiJcdWQ4MDAiLCJ0aXRsZSI6Iv8iLCJmb3JtYXRWZXJz\
                    af//////////////////////////////////////////////////////////////////////////////////////////////\
                    /////////////////////////////////////////////29uIjoxLCJzeW50aGV0aWMiOnRydWUsInRhYmxlcx06W10sIm1l\
                    IjoidCIsImZpbGV4cGVjdGF0aW9ucyI6ZSI6Im1pc3NpbmcuY3NsZXNbXX0iOlt7ImphbWUiOiJ0IiwiZmlsZSI6Im1pc3Np\
                    bmcuY3N2In1d
                    """))
        #expect(input.count == 297)
        let found = try problems(Array(input))
        #expect(found.count == 1)
    }

    @Test("arrays nested 50,000 deep are refused as invalid JSON, not a stack overflow")
    func deepNesting() throws {
        let found = try problems(Array(String(repeating: "[", count: 50_000).utf8))
        #expect(found.count == 1)
    }
}
