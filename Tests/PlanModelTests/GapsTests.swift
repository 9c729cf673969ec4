import PlanModel
import PlanScopeTestSupport
import Tabular
import Testing

/// `RegionalGaps` over tables: per-unit columns, the summary, lookups and the XPCC.
@Suite struct GapsTests {
    /// The reference data: units a…e, x = [10, 10, 10, 20, 50], groups A A A B B, weights 5 1 1 2 1.
    static func reference(withGroups: Bool = true, withWeights: Bool = false) throws -> Table {
        var columns: [(String, Column)] = [
            ("unit", Column(.string(.plain(["a", "b", "c", "d", "e"])))),
            ("x", Column(.int64([10, 10, 10, 20, 50]))),
        ]
        if withGroups { columns.append(("grp", Column(.string(.plain(["A", "A", "A", "B", "B"]))))) }
        if withWeights { columns.append(("pop", Column(.double([5, 1, 1, 2, 1])))) }
        return try Table(columns)
    }

    /// The summary's value for `measure`, failing the test when the row is absent.
    func value(_ summary: Table, _ measure: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double?
    {
        let found = try #require(row(summary, measure), "no row '\(measure)'", sourceLocation: sourceLocation)
        guard case .double(let value) = summary[found, 1] else { return nil }
        return value
    }

    func note(_ summary: Table, _ measure: String) -> String? {
        row(summary, measure).map { summary[$0, 2].description }
    }

    func row(_ summary: Table, _ measure: String) -> Int? {
        (0..<summary.rowCount).first { summary[$0, 0] == .string(measure) }
    }

    func expectClose(_ actual: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            actual.map { abs($0 - expected) < 1e-6 } == true, "\(String(describing: actual)) is not \(expected)",
            sourceLocation: sourceLocation)
    }

    func cells(_ table: Table, _ column: String) throws -> [Cell] {
        let index = try table.columnIndex(column)
        return (0..<table.rowCount).map { table[$0, index] }
    }

    @Test("gives each unit its gap, index and ranks, and the summary the reference values")
    func unweighted() throws {
        let result = try RegionalGaps(value: "x", unit: "unit", group: "grp").compute(try Self.reference())
        result.units.checkInvariants()
        result.summary.checkInvariants()
        #expect(
            result.units.columnNames
                == ["unit", "group", "value", "gap", "relative_gap", "index", "rank", "rank_in_group"])
        #expect(try cells(result.units, "index") == [50, 50, 50, 100, 250].map(Cell.double))
        #expect(try cells(result.units, "gap") == [-10, -10, -10, 0, 30].map(Cell.double))
        #expect(try cells(result.units, "rank") == [3, 3, 3, 2, 1].map(Cell.int))
        #expect(try cells(result.units, "rank_in_group") == [1, 1, 1, 2, 1].map(Cell.int))
        let summary = result.summary
        #expect(summary.columnNames == ["measure", "value", "note"])
        let expected: [(String, Double)] = [
            ("n", 5), ("national_value", 20), ("mean", 20), ("sd_population", 15.491933), ("sd_sample", 17.320508),
            ("cv_population", 0.774597), ("cv_sample", 0.866025), ("range", 40), ("max_min_ratio", 5),
            ("gini", 0.36), ("gini_small_sample", 0.45), ("theil_t", 0.250201), ("theil_t_between", 0.183787),
            ("theil_t_within", 0.066414), ("theil_t_within:B", 0.066414), ("theil_t_within:A", 0),
            ("theil_l", 0.232630), ("theil_l_between", 0.192042), ("theil_l_within", 0.040588),
            ("group_value:A", 10), ("group_value:B", 35),
        ]
        for (measure, number) in expected { expectClose(try value(summary, measure), number) }
        let between = try #require(try value(summary, "theil_t_between")),
            total = try #require(try value(summary, "theil_t"))
        expectClose(try value(summary, "theil_t_between_share"), between / total)
        expectClose(
            try value(summary, "theil_t_within_share:B"), try #require(try value(summary, "theil_t_within:B")) / total)
        #expect(note(summary, "sd_sample") == "standard deviation dividing by n − 1 = 4")
        #expect(note(summary, "national_value") == "unweighted mean of the units (no weight given)")
        #expect(
            note(summary, "excluded_units")
                == "no 'statistical_unit' column for 'unit' in the table or the workspace; every unit compared")
        #expect(row(summary, "williamson_cv") == nil)
    }

    @Test("weights give the ratio of sums, Williamson's CV and weighted Gini and Theil")
    func weighted() throws {
        let result = try RegionalGaps(value: "x", unit: "unit", group: "grp", weight: "pop")
            .compute(try Self.reference(withWeights: true))
        #expect(result.units.columnNames.contains("weight"))
        #expect(try cells(result.units, "index") == [62.5, 62.5, 62.5, 125, 312.5].map(Cell.double))
        let summary = result.summary
        expectClose(try value(summary, "national_value"), 16)
        expectClose(try value(summary, "williamson_cv"), 0.75)
        expectClose(try value(summary, "gini_weighted"), 0.30)
        expectClose(try value(summary, "gini"), 0.36)
        expectClose(try value(summary, "theil_t"), 0.206233)
        expectClose(try value(summary, "theil_t_between"), 0.147966)
        expectClose(try value(summary, "theil_t_within"), 0.058267)
        #expect(note(summary, "national_value") == "ratio of sums Σ(value × pop) / Σ pop")
        #expect(note(summary, "theil_t") == "Theil T, GE(1), weighted by 'pop' from column 'pop'")
    }

    @Test("reads groups and weights from lookup tables keyed by the unit column")
    func lookup() throws {
        let groups = try Table([
            ("unit", Column(.string(.plain(["e", "d", "c", "b", "a"])))),
            ("grp", Column(.string(.plain(["B", "B", "A", "A", "A"])))),
        ])
        let people = try Table([
            ("unit", Column(.string(.plain(["a", "b", "c", "d", "e", "f"])))),
            ("pop", Column(.int64([5, 1, 1, 2, 1, 9]))),
        ])
        let result = try RegionalGaps(value: "x", unit: "unit", group: "grp", weight: "pop")
            .compute(try Self.reference(withGroups: false), lookup: [("regions", groups), ("people", people)])
        #expect(try cells(result.units, "group") == ["A", "A", "A", "B", "B"].map(Cell.string))
        expectClose(try value(result.summary, "theil_t_within"), 0.058267)
        #expect(note(result.summary, "theil_t_between") == "between groups by 'grp' from table 'regions'")
    }

    @Test("leaves the XPCC out of 32 provinces and says so")
    func xpcc() throws {
        let workspace = try WorkspaceLoader.load(directory: WorkspaceFixtures.plan2013)
        let provinces = try workspace.table("provinces")
        #expect(provinces.rowCount == 32)
        let codes = try cells(provinces, "province").map(\.description)
        // One value per office, the XPCC's large enough to move every statistic if it were counted.
        let values = codes.indices.map { codes[$0] == "XPCC" ? 1000.0 : Double($0 % 7 + 1) }
        let table = try Table([("province", Column(.string(.plain(codes)))), ("rate", Column(.double(values)))])
        let result = try RegionalGaps(value: "rate").compute(table, lookup: workspace.tables)
        #expect(result.units.rowCount == 31)
        #expect(try !cells(result.units, "unit").contains(.string("XPCC")))
        let compared = zip(codes, values).filter { $0.0 != "XPCC" }.map(\.1)
        expectClose(try value(result.summary, "n"), 31)
        expectClose(try value(result.summary, "excluded_units"), 1)
        #expect(note(result.summary, "excluded_units") == "XPCC (not a statistical unit; not added to Xinjiang)")
        expectClose(try value(result.summary, "mean"), compared.reduce(0, +) / 31)
        expectClose(try value(result.summary, "gini"), try #require(InequalityMeasures.gini(compared).value))
        let regions = Set(try cells(result.units, "group").map(\.description))
        #expect(regions == ["East", "Central", "West", "Northeast"])
        #expect(note(result.summary, "sd_population") == "standard deviation dividing by n = 31")
    }

    @Test("flags undefined measures and leaves out units without a value")
    func undefinedAndMissing() throws {
        let table = try Table([
            ("unit", Column(.string(.plain(["a", "b", "c", "d"])))),
            ("x", Column(storage: .double([0, 4, 8, 0]), validity: Validity([true, true, true, false]))),
        ])
        let result = try RegionalGaps(value: "x", unit: "unit", group: nil).compute(table)
        #expect(result.units.columnNames == ["unit", "value", "gap", "relative_gap", "index", "rank"])
        #expect(try value(result.summary, "max_min_ratio") == nil)
        #expect(note(result.summary, "max_min_ratio") == "undefined: the minimum is 0, not above 0")
        #expect(try value(result.summary, "theil_l") == nil)
        #expect(
            note(result.summary, "theil_l")
                == "undefined: Theil L takes the log of each value, and 1 value is 0 or below")
        #expect(try value(result.summary, "theil_t") != nil)
        #expect(row(result.summary, "theil_t_between") == nil)
        expectClose(try value(result.summary, "missing_values"), 1)
        #expect(note(result.summary, "missing_values") == "no value in column 'x' for d")
    }

    @Test("rejects repeated units, unknown groups and missing weights")
    func errors() throws {
        let twice = try Table([
            ("unit", Column(.string(.plain(["a", "a"])))), ("x", Column(.int64([1, 2]))),
        ])
        #expect(
            throws: TableError.invalidArgument(
                "unit 'a' appears more than once in column 'unit'; expected one row per unit")
        ) {
            try RegionalGaps(value: "x", unit: "unit", group: nil).compute(twice)
        }
        #expect(
            throws: TableError.invalidArgument(
                "no column 'region' in the table or in a workspace table with column 'unit'")
        ) {
            try RegionalGaps(value: "x", unit: "unit").compute(try Self.reference())
        }
        let people = try Table([("unit", Column(.string(.plain(["a", "b"])))), ("pop", Column(.int64([5, 1])))])
        #expect(
            throws: TableError.invalidArgument(
                "weight 'pop' of unit 'c' in table 'people' must be a number above 0, found none")
        ) {
            try RegionalGaps(value: "x", unit: "unit", group: "grp", weight: "pop")
                .compute(try Self.reference(), lookup: [("people", people)])
        }
        #expect(throws: TableError.typeMismatch(column: "grp", expected: .double, found: .string)) {
            try RegionalGaps(value: "grp", unit: "unit", group: nil).compute(try Self.reference())
        }
    }
}
