import Foundation
import LuaKit
import PlanModel
import PlanScopeTestSupport
import Testing
import Workbench

/// `plan.gaps` through the workbench, over the bundled plan2013 workspace.
@Suite struct GapsAPITests {
    /// Runs `code` with `plan` bound to a bundled workspace and returns what it printed.
    func run(_ code: String, workspace name: String = "plan2013") throws -> String {
        let root = packageRoot().path
        let workspace = try WorkspaceLoader.load(directory: root + "/Datasets/" + name)
        let sink = BufferSink()
        let context = APIContext(
            sink: sink, permissions: FilePermissions(readRoots: [root], writeRoots: []),
            workspace: workspace)
        _ = try ScriptRunner(context: context).run(
            ScriptSource(bytes: Array(code.utf8), chunkName: "=gaps", name: "gaps.lua", directory: nil))
        return sink.text
    }

    /// A table of the 32 provincial offices with a value each; the XPCC's would dominate if counted.
    static let provinces = """
        local codes, rates, people = {}, {}, {}
        for i, r in plan.provinces:rows() do
          codes[i] = r.province
          rates[i] = r.province == "XPCC" and 1000 or i % 5 + 1
          people[i] = i
        end
        local t = Table.from{ province = codes, rate = rates, people = people }

        """

    @Test("returns units and summary tables over the 31 statistical units, leaving out the XPCC")
    func provinces() throws {
        let output = try run(
            Self.provinces + """
                local g = plan.gaps(t, { value = "rate" })
                print(#g.units, table.concat(g.units.columns, ","))
                print(table.concat(g.summary.columns, ","))
                for _, r in g.summary:rows() do
                  if r.measure == "n" or r.measure == "excluded_units" or r.measure == "national_value" then
                    print(r.measure, string.format("%.6f", r.value), r.note)
                  end
                end
                for _, r in g.units:rows() do
                  if r.unit == "650000" or r.unit == "110000" then print(r.unit, r.group, r.value, r.rank, r.rank_in_group) end
                end
                """)
        // Rates are i % 5 + 1 over the 31 provinces in code order: 7 twos and 6 each of 1, 3, 4 and 5.
        // Mean 92 / 31 = 2.967742; 2 ranks 19th overall, after 6 fives, 6 fours and 6 threes.
        assertEqualText(
            output,
            """
            31\tunit,group,value,gap,relative_gap,index,rank,rank_in_group
            measure,value,note
            n\t31.000000\t31 statistical units compared; ranks are descending, ties share the best rank (1, 2, 2, 4)
            excluded_units\t1.000000\tXPCC (not a statistical unit; not added to Xinjiang)
            national_value\t2.967742\tunweighted mean of the units (no weight given)
            110000\tEast\t2.0\t19\t6
            650000\tWest\t2.0\t19\t7

            """)
    }

    @Test("weights by a column of the table and skips groups when asked")
    func weightedWithoutGroups() throws {
        let output = try run(
            Self.provinces + """
                local g = plan.gaps(t, { value = "rate", weight = "people", group = false })
                print(table.concat(g.units.columns, ","))
                for _, r in g.summary:rows() do
                  if r.measure == "national_value" or r.measure == "theil_t" then print(r.measure, r.note) end
                  if r.measure == "theil_t_between" then print("unexpected decomposition") end
                end
                """)
        assertEqualText(
            output,
            """
            unit,value,weight,gap,relative_gap,index,rank
            national_value\tratio of sums Σ(value × people) / Σ people
            theil_t\tTheil T, GE(1), weighted by 'people' from column 'people'

            """)
    }

    @Test("looks a weight missing from the table up in the workspace's populations")
    func populations() throws {
        let output = try run(
            Self.provinces + """
                local g = plan.gaps(t, { value = "rate", weight = "population_10k" })
                local y, n = 0, 0
                for _, r in plan.populations:rows() do
                  local rate = t:where{ province = r.province }:row(1).rate
                  y, n = y + rate * r.population_10k, n + r.population_10k
                end
                for _, r in g.summary:rows() do
                  if r.measure == "national_value" then print(math.abs(r.value - y / n) < 1e-9, r.note) end
                  if r.measure == "williamson_cv" then print(r.note) end
                end
                print(#g.units, #plan.populations)
                """, workspace: "sample2013")
        assertEqualText(
            output,
            """
            true\tratio of sums Σ(value × population_10k) / Σ population_10k
            √(Σ pᵢ (xᵢ − national_value)²) / national_value, weighted by 'population_10k' from table 'populations'
            31\t31

            """)
    }

    @Test("reports bad arguments in lauxlib's words")
    func errors() throws {
        let cases: [(String, String)] = [
            ("plan.gaps(t)", "gaps:8: bad argument #2 to 'gaps' (table expected, got no value)"),
            (
                "plan.gaps(t, {})",
                "gaps:8: bad argument #2 to 'gaps' (option 'value' is required (the column to compare))"
            ),
            (
                "plan.gaps(t, { value = 'rat' })",
                "gaps:8: bad argument #2 to 'gaps' (unknown column 'rat'; "
                    + "did you mean 'rate'? (columns: people, province, rate))"
            ),
            (
                "plan.gaps(t, { value = 'rate', colour = 1 })",
                "gaps:8: bad argument #2 to 'gaps' (unknown option "
                    + "'colour' (options: group, unit, value, weight))"
            ),
            (
                "plan.gaps(t, { value = 'rate', weight = 'population_10k' })",
                "gaps:8: bad argument #1 to 'gaps' "
                    + "(no column 'population_10k' in the table or in a workspace table with column 'province')"
            ),
            (
                "plan.gaps({}, { value = 'rate' })",
                "gaps:8: bad argument #1 to 'gaps' (planscope.Table expected, got table)"
            ),
        ]
        for (call, message) in cases {
            let error = #expect(throws: LuaError.self) { try run(Self.provinces + call) }
            #expect(error?.message == message)
        }
    }
}
