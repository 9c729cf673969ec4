import Foundation
import PlanModel
import PlanScopeTestSupport
import Tabular
import Testing

/// Loading good workspaces, the public API over them, and problems in the manifest itself.
@Suite struct WorkspaceLoaderTests {
    @Test("loads the 2013 plan with its tables in manifest order and the manifest's types")
    func loadsPlan() throws {
        let workspace = try WorkspaceLoader.load(directory: WorkspaceFixtures.plan2013)
        #expect(workspace.name == "plan2013")
        #expect(workspace.title == "Promotion Plan on National Patent Development Strategy in 2013")
        #expect(
            workspace.tables.map(\.name) == [
                "main_tasks", "tasks", "measures", "departments", "responsibilities", "targets",
                "provinces", "rules",
            ])
        let targets = try workspace.table("targets")
        #expect(
            targets.schema.fields.map(\.type.rawValue)
                == workspace.manifest.tables[5].columns.map(\.type))
        for (_, table) in workspace.tables { table.checkInvariants() }
        #expect(!workspace.isSynthetic(table: "measures"))
        #expect(workspace.checkRules().map(\.holds) == [true, true])
    }

    @Test("loads the IP services guidelines with the same code, ignoring keys it does not know")
    func loadsIPServices() throws {
        let workspace = try WorkspaceLoader.load(directory: WorkspaceFixtures.ipServices)
        #expect(workspace.name == "ip-services-2012")
        #expect(
            workspace.tables.map(\.name) == [
                "sections", "items", "parties", "item_parties", "cited_documents",
            ])
        #expect(workspace.tables.map(\.table.rowCount) == [1, 4, 2, 1, 3])
        let results = workspace.checkExpectations()
        #expect(
            results.map(\.label) == [
                "sections", "items", "cited_documents", "parties where addressee = true",
            ])
        #expect(results.allSatisfy { $0.holds })
        // Neither plan rule names tables this workspace has, so none applies.
        #expect(workspace.checkRules().isEmpty)
    }

    @Test("an unknown table name throws, suggesting the closest")
    func unknownTable() throws {
        let workspace = try WorkspaceLoader.load(directory: WorkspaceFixtures.plan2013)
        let error = try #require(throws: WorkspaceError.self) { try workspace.table("measure") }
        #expect(
            error.description == """
                \(WorkspaceFixtures.plan2013)/workspace.json: unknown table 'measure' in workspace 'plan2013'; \
                did you mean 'measures'?
                1 problem
                """)
    }

    @Test("a missing directory or manifest is missing input, not bad data")
    func missingInput() throws {
        let dir = try makeTemporaryDirectory("planmodel")
        let noDirectory = try #require(throws: WorkspaceError.self) {
            try WorkspaceLoader.load(directory: dir + "/nothing")
        }
        #expect(noDirectory.kind == .missingInput)
        #expect(
            noDirectory.problems.map(\.description)
                == ["\(dir)/nothing: expected a workspace directory, found no such directory"])
        let noManifest = try #require(throws: WorkspaceError.self) {
            try WorkspaceLoader.load(directory: dir + "/")
        }
        #expect(noManifest.kind == .missingInput)
        #expect(
            noManifest.problems.map(\.description)
                == ["\(dir)/workspace.json: expected a workspace manifest, found no such file"])
    }

    @Test("problems in the manifest are reported at their entries, all at once")
    func manifestProblems() throws {
        let dir = try WorkspaceFixtures.copy(of: WorkspaceFixtures.ipServices)
        let path = dir + "/workspace.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in [
            ("\"type\": \"bool\"", "\"type\": \"boolean\""),
            ("\"references\": \"parties\"", "\"references\": \"partys\""),
            ("\"addressee\": true", "\"adressee\": true"),
            ("\"key\": [\n        \"document\"", "\"key\": [\n        \"doc\""),
        ] {
            try #require(text.contains(old))
            text = WorkspaceFixtures.replacing(old, with: new, in: text)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: WorkspaceError.self) {
            try WorkspaceLoader.load(directory: dir)
        }
        assertEqualText(
            error.description,
            """
            \(path):45:19: expected a type int, float, string, bool or date for column 'complete_in_seed' of \
            'sections', found 'boolean'
            \(path):202:25: unknown table 'partys' in a foreign key of 'item_parties'; did you mean 'parties'?
            \(path):215:9: unknown column 'doc' in the key of 'cited_documents'
            \(path):262:21: unknown column 'adressee' in an expectation of 'parties'; did you mean 'addressee'?
            4 problems
            """)
    }

    @Test("a manifest that is not JSON, or lacks a required key, is one problem")
    func undecodableManifest() throws {
        let dir = try WorkspaceFixtures.copy(of: WorkspaceFixtures.ipServices)
        let path = dir + "/workspace.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try WorkspaceFixtures.replacing("\"file\": \"items.csv\",", with: "", in: text)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let missingKey = try #require(throws: WorkspaceError.self) {
            try WorkspaceLoader.load(directory: dir)
        }
        #expect(
            missingKey.problems.map(\.description) == [
                "\(path):52:5: expected a key 'file' in 'tables.1'"
            ])
        try "{ \"name\": ".write(toFile: path, atomically: true, encoding: .utf8)
        let notJSON = try #require(throws: WorkspaceError.self) {
            try WorkspaceLoader.load(directory: dir)
        }
        #expect(notJSON.kind == .invalidData)
        #expect(notJSON.problems.count == 1)
        #expect(
            notJSON.problems[0].description.hasPrefix(
                "\(path): expected a JSON manifest, found invalid JSON ("))
    }

    @Test("a CSV column the manifest does not declare is reported at its header field")
    func undeclaredColumn() throws {
        let dir = try WorkspaceFixtures.copy(of: WorkspaceFixtures.ipServices)
        try WorkspaceFixtures.edit(dir, "sections.csv", lineStartingWith: "section,") {
            $0 + ",extra"
        }
        try WorkspaceFixtures.edit(dir, "sections.csv", lineStartingWith: "1,") { $0 + ",x" }
        #expect(
            try #require(throws: WorkspaceError.self) { try WorkspaceLoader.load(directory: dir) }
                .problems.map(\.description)
                == [
                    "\(dir)/sections.csv:1:40: unexpected column 'extra': the manifest does not declare it "
                        + "for 'sections'"
                ])
    }
}
