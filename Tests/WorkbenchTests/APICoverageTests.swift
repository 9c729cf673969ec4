import Foundation
import PlanModel
import PlanScopeTestSupport
import Testing
import Workbench

// `@testable` only for `LuaState.metatables`: a Table's metatable is locked and its `__index`
// is a function, so only the host can list the methods.
@testable import LuaKit

/// Checks that the names a script can reach are exactly the anchors of docs/lua-api.md, and
/// that each anchor has a `group` of the same name in the Lua specs (Tests/WorkbenchTests/lua),
/// so no function ships without its reference entry and its spec, and neither outlives it.
@Suite struct APICoverageTests {
    /// Names documented in another entry, mapped to that entry's anchor.
    static let aliases: [String: String] = [
        // `agg` only builds the arguments of `g:agg{…}`, which the `group_by` entry explains.
        "agg": "Table:group_by",
        // The global names the type, and a type's own entry lists its fields.
        "Table": "Table.fields",
        // `t:row(i)` and `t:rows()` hand out the same row views, so they share one entry.
        "Table:row": "Table:rows",
    ]

    /// Sandbox globals the reference documents all the same: `print` writes to PlanScope's
    /// output, in order with `show`.
    static let documentedSandboxGlobals: Set<String> = ["print"]

    /// Lists, one per line, the globals of `_ENV` and the members of the `Table` and `plan`
    /// namespaces, leaving out data tables (the `plan` entry covers those). `agg`'s members are
    /// not names of their own: the `group_by` entry lists them.
    static let listing = """
        local names = {}
        local function add(prefix, t)
          for k, v in pairs(t) do
            if getmetatable(v) ~= "planscope.Table" then names[#names + 1] = prefix .. k end
          end
        end
        add("", _ENV)
        for _, namespace in ipairs{ "Table", "plan" } do
          if _ENV[namespace] then add(namespace .. ".", _ENV[namespace]) end
        end
        return table.concat(names, "\\n")
        """

    // MARK: - The reference against the API

    @Test("every registered name has an anchor in docs/lua-api.md, and every anchor names one")
    func coverage() throws {
        let path = packageRoot().appendingPathComponent("docs/lua-api.md").path
        let anchors = Self.anchors(in: try String(contentsOfFile: path, encoding: .utf8))
        let problems = Self.problems(
            registered: try Self.registeredNames(), anchors: anchors, aliases: Self.aliases)
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    /// What a script run over the sample workspace reaches beyond the sandbox: globals,
    /// `Table.` constructors, `plan.` functions and fields, and `Table:` methods.
    static func registeredNames() throws -> Set<String> {
        let root = packageRoot().path
        let workspace = try WorkspaceLoader.load(directory: root + "/Datasets/sample2013")
        let context = APIContext(sink: BufferSink(), workspace: workspace)
        let script = ScriptSource(
            bytes: Array(listing.utf8), chunkName: "=coverage", name: "coverage", directory: nil)
        let workbench = try names(ScriptRunner(context: context).run(script))
        // A plain sandboxed environment gives the baseline, then the API's methods once installed.
        let lua = try LuaState(libraries: .sandboxed)
        let plain = try lua.newEnvironment(.init(output: { _ in }))
        let sandbox = try names(lua.evaluate(listing, chunkName: "=plain", environment: plain))
        try WorkbenchAPI.install(in: lua, environment: plain, context: context)
        let methods = lua.metatables[TableAPI.tableType, default: [:]].keys.map { "Table:" + $0 }
        return workbench.subtracting(sandbox.subtracting(documentedSandboxGlobals)).union(methods)
    }

    /// The lines of the text `listing` returned.
    static func names(_ results: [LuaValue]) -> Set<String> {
        guard case .string(let text)? = results.first else { return [] }
        return Set(text.description.split(separator: "\n").map(String.init))
    }

    // MARK: - The reference against the Lua specs

    @Test("every anchor in docs/lua-api.md has a group in the Lua specs, and every group names an anchor")
    func specCoverage() throws {
        let path = packageRoot().appendingPathComponent("docs/lua-api.md").path
        let anchors = Self.anchors(in: try String(contentsOfFile: path, encoding: .utf8))
        let groups = try LuaSpecTests.specFiles.flatMap { file in
            let text = try String(
                contentsOf: LuaSpecTests.folder.appendingPathComponent(file), encoding: .utf8)
            return Self.groupNames(in: text)
        }
        for problem in Self.specProblems(anchors: anchors, groups: groups) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    // MARK: - Parsing and comparing

    /// The anchors of the level-2 headings: `## where {#Table:where}` gives `Table:where`.
    static func anchors(in text: String) -> Set<String> {
        var anchors: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("## ") && line.hasSuffix("}") {
            guard let start = line.range(of: "{#") else { continue }
            anchors.insert(String(line[start.upperBound...].dropLast()))
        }
        return anchors
    }

    /// One message per kind of mismatch, naming every offender; none when the sets agree once
    /// each alias is read as its anchor.
    static func problems(
        registered: Set<String>, anchors: Set<String>, aliases: [String: String]
    ) -> [String] {
        let anchor = { (name: String) in aliases[name] ?? name }
        let kinds: [(String, Set<String>)] = [
            ("names without an anchor", registered.filter { !anchors.contains(anchor($0)) }),
            ("anchors naming nothing", anchors.subtracting(registered.map(anchor))),
            ("aliases of unregistered names", Set(aliases.keys).subtracting(registered)),
        ]
        return kinds.filter { !$0.1.isEmpty }.map { kind, names in
            "docs/lua-api.md: \(kind): \(names.sorted().joined(separator: ", "))"
        }
    }

    /// The names of the `group("…")` calls in a spec file, in order; a group built from a
    /// variable has no name here, so its anchor is reported as missing rather than assumed.
    static func groupNames(in text: String) -> [String] {
        text.matches(of: /\bgroup\(\s*["']([^"'\n]*)["']/).map { String($0.output.1) }
    }

    /// One message per kind of mismatch between the anchors and the spec groups, naming every
    /// offender; none when each anchor has exactly one group and each group an anchor.
    static func specProblems(anchors: Set<String>, groups: [String]) -> [String] {
        let counts = Dictionary(groups.map { ($0, 1) }, uniquingKeysWith: +)
        let kinds: [(String, Set<String>)] = [
            ("anchors without a group", anchors.subtracting(counts.keys)),
            ("groups naming no anchor", Set(counts.keys).subtracting(anchors)),
            ("groups defined more than once", Set(counts.filter { $0.value > 1 }.keys)),
        ]
        return kinds.filter { !$0.1.isEmpty }.map { kind, names in
            "Tests/WorkbenchTests/lua: \(kind): \(names.sorted().joined(separator: ", "))"
        }
    }

    @Test("reads the anchors of level-2 headings only")
    func parsesAnchors() {
        let text = """
            # Table
            ## where {#Table:where}
            ## Fields: #t, t.columns {#Table.fields}
            ## no anchor
            ### detail {#detail}
            """
        #expect(Self.anchors(in: text) == ["Table:where", "Table.fields"])
    }

    @Test("a registered name without an anchor fails, naming every such name")
    func undocumented() {
        let problems = Self.problems(
            registered: ["show", "zap", "Table:frob"], anchors: ["show"], aliases: [:])
        #expect(problems == ["docs/lua-api.md: names without an anchor: Table:frob, zap"])
    }

    @Test("an anchor that names nothing registered fails, naming every such anchor")
    func unregistered() {
        let problems = Self.problems(
            registered: ["show"], anchors: ["show", "old", "plan.gone"], aliases: [:])
        #expect(problems == ["docs/lua-api.md: anchors naming nothing: old, plan.gone"])
    }

    @Test("an alias documents a name under another entry's anchor, and must name a registered one")
    func aliasing() {
        let aliases = ["Table:row": "Table:rows"]
        let rows: Set<String> = ["Table:rows"]
        let shared = Self.problems(registered: ["Table:row"], anchors: rows, aliases: aliases)
        let stale = Self.problems(registered: rows, anchors: rows, aliases: aliases)
        #expect(shared == [])
        #expect(stale == ["docs/lua-api.md: aliases of unregistered names: Table:row"])
    }

    @Test("reads the names of group calls, in either quote, and nothing else")
    func parsesGroups() {
        let text = """
            group("Table:where", function()
              local g = t:group_by("region")
              test("group(\\"inner\\") is only a test name", function() end)
            end)
            group( 'plan.gaps', function() end)
            spec.group(name, body)
            """
        #expect(Self.groupNames(in: text) == ["Table:where", "plan.gaps"])
    }

    @Test("an anchor without a group fails, naming every such anchor")
    func anchorWithoutGroup() {
        let problems = Self.specProblems(anchors: ["show", "write", "Table:where"], groups: ["show"])
        #expect(problems == ["Tests/WorkbenchTests/lua: anchors without a group: Table:where, write"])
    }

    @Test("a group naming no anchor, or defined twice, fails, naming every such group")
    func groupWithoutAnchor() {
        let problems = Self.specProblems(
            anchors: ["show"], groups: ["show", "shwo", "show", "plan.gone"])
        #expect(
            problems == [
                "Tests/WorkbenchTests/lua: groups naming no anchor: plan.gone, shwo",
                "Tests/WorkbenchTests/lua: groups defined more than once: show",
            ])
    }
}
