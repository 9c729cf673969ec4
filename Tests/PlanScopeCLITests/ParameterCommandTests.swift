import Foundation
import PlanScopeTestSupport
import Testing

/// `run --param name=value` and `run SCRIPT --help`, through the built binary.
@Suite struct ParameterCommandTests {
    private let script = """
        local p = params{ year = { default = 2013, doc = "The plan year" }, province = { doc = "Province code" } }
        print(p.year, math.type(p.year), p.province)
        """

    private func scriptFile() throws -> String {
        let path = try makeTemporaryDirectory("planscope-params") + "/report.lua"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("--param values reach the script, converted to their defaults' types")
    func values() throws {
        let path = try scriptFile()
        #expect(try runProduct("planscope", ["run", path]).stdout == "2013\tinteger\tnil\n")
        let given = try runProduct("planscope", ["run", "--param", "year=2014", "--param", "province=440000", path])
        #expect(given.status == 0)
        #expect(given.stdout == "2014\tinteger\t440000\n")
        let undeclared = try runProduct(
            "planscope", ["run", "--param", "x=1", "-"], stdin: "print(param.x, type(param.x))")
        #expect(undeclared.stdout == "1\tstring\n")
    }

    @Test("an unknown parameter or a value that does not parse exits 64 with the params error")
    func errors() throws {
        let path = try scriptFile()
        let unknown = try runProduct("planscope", ["run", "--param", "yeer=2014", path])
        #expect(unknown.status == 64)
        // Lua shortens long chunk names, keeping the end.
        #expect(
            unknown.stderr.split(separator: "\n").first?.hasSuffix(
                "/report.lua:1: bad argument #1 to 'params' (unknown parameter 'yeer'; did you mean 'year'?)") == true)
        let bad = try runProduct("planscope", ["run", "--param", "year=twenty", path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("(parameter 'year' expects an integer (its default is 2013), got 'twenty')"))
        let noEquals = try runProduct("planscope", ["run", "--param", "year", path])
        #expect(noEquals.status == 64)
        #expect(noEquals.stderr.hasPrefix("Error: --param expects name=value, got 'year'\n"))
    }

    @Test("run SCRIPT --help lists the declared parameters and runs nothing else")
    func help() throws {
        let path = try scriptFile()
        let outcome = try runProduct("planscope", ["run", path, "--help"])
        #expect(outcome.status == 0)
        assertEqualText(
            outcome.stdout,
            """
            usage: planscope run [--param name=value ...] \(path) [arguments ...]

            parameters:
              name      default  description
              province  -        Province code
              year      2013     The plan year

            """)
        let plain = try runProduct("planscope", ["run", "-", "--help"], stdin: "print('ran')")
        #expect(plain.status == 0)
        #expect(plain.stdout.hasSuffix("- declares no parameters (it never calls params{...})\n"))
        #expect(!plain.stdout.contains("ran"))
    }
}
