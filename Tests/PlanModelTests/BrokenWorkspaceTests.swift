import Foundation
import PlanModel
import PlanScopeTestSupport
import Testing

/// Copies of the 2013 plan broken in one way each, then in all six at once:
/// every problem is reported at its exact place, and all in one run.
@Suite struct BrokenWorkspaceTests {
    /// Loads `directory`, expecting it to fail with bad data, and returns the error.
    func failure(_ directory: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> WorkspaceError
    {
        do {
            _ = try WorkspaceLoader.load(directory: directory)
        } catch let error as WorkspaceError {
            #expect(error.kind == .invalidData, sourceLocation: sourceLocation)
            return error
        }
        Issue.record("the broken workspace loaded", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    func messages(_ directory: String) throws -> [String] {
        try failure(directory).problems.map(\.description)
    }

    @Test("a missing file is reported at its table's entry in the manifest")
    func missingFile() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.removeRules(dir)
        #expect(
            try messages(dir) == [
                "\(dir)/workspace.json:621:15: expected the file 'rules.csv' for table 'rules', found no such file"
            ])
    }

    @Test("a value of the wrong type is reported at its cell")
    func wrongType() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.breakType(dir)
        #expect(
            try messages(dir) == [
                "\(dir)/targets.csv:2:49: expected an integer in column 'value', found '1O00'"
            ])
    }

    @Test("an unknown department is reported at its cell, with the closest department")
    func unknownDepartment() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.breakReference(dir)
        #expect(
            try messages(dir) == [
                "\(dir)/responsibilities.csv:7:3: expected a key of 'departments' in column 'department', "
                    + "found 'patent_administratoin'; did you mean 'patent_administration'?"
            ])
    }

    @Test("a duplicate key is reported at the second row, naming the first")
    func duplicateKey() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.duplicateKey(dir)
        #expect(
            try messages(dir) == [
                "\(dir)/provinces.csv:3:1: duplicate key 'province' = '110000' in 'provinces' (first on line 2)"
            ])
    }

    @Test("a value outside the enumeration is reported at its cell, with the allowed values")
    func badEnum() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.breakEnum(dir)
        #expect(
            try messages(dir) == [
                "\(dir)/measures.csv:10:542: expected one of 'completed', 'phased', 'long_term' in column 'timing', "
                    + "found 'soon'"
            ])
    }

    @Test("a ragged row is reported where its fields run out")
    func raggedRow() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.raggedRow(dir)
        #expect(try messages(dir) == ["\(dir)/main_tasks.csv:2:90: expected 7 fields, found 6"])
    }

    @Test("six problems in six files are all reported in one run, table by table, then counted")
    func allAtOnce() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.removeRules(dir)
        try WorkspaceFixtures.breakType(dir)
        try WorkspaceFixtures.breakReference(dir)
        try WorkspaceFixtures.duplicateKey(dir)
        try WorkspaceFixtures.breakEnum(dir)
        try WorkspaceFixtures.raggedRow(dir)
        let error = try failure(dir)
        #expect(error.problems.count == 6)
        assertEqualText(
            error.description,
            """
            \(dir)/main_tasks.csv:2:90: expected 7 fields, found 6
            \(dir)/measures.csv:10:542: expected one of 'completed', 'phased', 'long_term' in column 'timing', \
            found 'soon'
            \(dir)/responsibilities.csv:7:3: expected a key of 'departments' in column 'department', \
            found 'patent_administratoin'; did you mean 'patent_administration'?
            \(dir)/targets.csv:2:49: expected an integer in column 'value', found '1O00'
            \(dir)/provinces.csv:3:1: duplicate key 'province' = '110000' in 'provinces' (first on line 2)
            \(dir)/workspace.json:621:15: expected the file 'rules.csv' for table 'rules', found no such file
            6 problems
            """)
    }

    @Test("an empty field in a column that needs a value is reported at its cell")
    func nullValue() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.edit(dir, "departments.csv", lineStartingWith: "automation,") {
            WorkspaceFixtures.replacing("Automation Department", with: "", in: $0)
        }
        #expect(
            try messages(dir) == [
                "\(dir)/departments.csv:12:12: expected a value in column 'name', found an empty field"
            ])
    }

    @Test(
        "a measure with no lead department that the provincial offices do not carry out is reported"
    )
    func measureWithoutLead() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.edit(dir, "measures.csv", lineStartingWith: "7,") {
            WorkspaceFixtures.replacing(",provincial,", with: ",guided,", in: $0)
        }
        #expect(
            try messages(dir) == [
                "\(dir)/measures.csv:8:1: expected a role = 'lead' row in 'responsibilities' for measure 7, "
                    + "or implementation = 'provincial', found neither"
            ])
    }

    @Test("a province in two regions is reported at its first row")
    func provinceInTwoRegions() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.duplicateKey(dir)
        try WorkspaceFixtures.edit(dir, "provinces.csv", lineStartingWith: "110000,CN-TJ,") {
            WorkspaceFixtures.replacing(",East,", with: ",West,", in: $0)
        }
        #expect(
            try messages(dir) == [
                "\(dir)/provinces.csv:3:1: duplicate key 'province' = '110000' in 'provinces' (first on line 2)",
                "\(dir)/provinces.csv:2:1: expected province '110000' in exactly one 'region', found 2",
                "\(dir)/workspace.json:809:5: expected 10 rows in 'provinces' where region = 'East', "
                    + "statistical_unit = true (nbs_2011), found 9",
                "\(dir)/workspace.json:829:5: expected 12 rows in 'provinces' where region = 'West', "
                    + "statistical_unit = true (nbs_2011), found 13",
            ])
    }

    @Test("a count that disagrees with the manifest's expectation is reported at the expectation")
    func expectationFails() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.edit(dir, "measures.csv", lineStartingWith: "9,3,") {
            WorkspaceFixtures.replacing(",national,none,", with: ",joint,none,", in: $0)
        }
        #expect(
            try messages(dir) == [
                "\(dir)/workspace.json:720:5: expected 12 rows in 'measures' where scope = 'national' (seed), found 11",
                "\(dir)/workspace.json:729:5: expected 30 rows in 'measures' where scope = 'joint' (seed), found 31",
            ])
    }

    @Test("loading a broken workspace leaves every file as it was")
    func filesUnchanged() throws {
        let dir = try WorkspaceFixtures.copy()
        try WorkspaceFixtures.breakEnum(dir)
        try WorkspaceFixtures.duplicateKey(dir)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) }
        _ = try failure(dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == files)
        #expect(
            try files.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) } == before)
    }
}
