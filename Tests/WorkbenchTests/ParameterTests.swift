import LuaKit
import PlanScopeTestSupport
import Testing
import Workbench

/// `param` and `params{…}`: given values, defaults, conversion, unknown names and describing.
@Suite struct ParameterTests {
    private func run(_ code: String, _ given: [String] = []) throws -> [LuaValue] {
        var options = RunOptions()
        options.parameters = try ScriptParameters.parse(given)
        return try ScriptRunner(output: BufferSink(), options: options).run(.code(code))
    }

    private func failure(_ code: String, _ given: [String]) -> (LuaError?, WorkbenchError?) {
        var options = RunOptions()
        options.parameters = (try? ScriptParameters.parse(given)) ?? ScriptParameters()
        let context = APIContext(sink: BufferSink())
        let error = #expect(throws: LuaError.self) {
            try ScriptRunner(context: context, options: options).run(.code(code))
        }
        return (error, context.lastHostError)
    }

    private let declaration = """
        local p = params{ year = { default = 2013, doc = "The plan year" }, province = { doc = "Province code" },
                          share = { default = 0.5 }, strict = { default = false } }
        """

    @Test("given values are strings in 'param' when the script declares nothing")
    func undeclared() throws {
        #expect(
            try run("return param.year, param.province, param.other", ["year=2013", "province=440000"])
                == ["2013", "440000", .nil])
        #expect(try run("return next(param)") == [.nil])
    }

    @Test("a value may itself hold '='")
    func equalsInValue() throws {
        #expect(try run("return param.filter", ["filter=a=b"]) == ["a=b"])
    }

    @Test("params returns 'param' with defaults filled in")
    func defaults() throws {
        #expect(
            try run(declaration + "\nreturn p == param, p.year, p.province, p.share, p.strict")
                == [true, 2013, .nil, 0.5, false])
    }

    @Test("given values take their defaults' types")
    func conversion() throws {
        let results = try run(
            declaration + "\nreturn math.type(p.year), p.year, p.province, p.share, p.strict",
            ["year=2014", "province=440000", "share=0.25", "strict=true"])
        #expect(results == ["integer", 2014, "440000", 0.25, true])
    }

    @Test(
        "a value that does not parse as its default's type is a usage error",
        arguments: [
            ("year=abc", "parameter 'year' expects an integer (its default is 2013), got 'abc'"),
            ("year=2013.5", "parameter 'year' expects an integer (its default is 2013), got '2013.5'"),
            ("share=lots", "parameter 'share' expects a number (its default is 0.5), got 'lots'"),
            ("strict=yes", "parameter 'strict' expects 'true' or 'false' (its default is false), got 'yes'"),
        ])
    func badValue(given: String, message: String) {
        let (error, host) = failure(declaration, [given])
        #expect(error?.message == "(eval):1: bad argument #1 to 'params' (\(message))")
        #expect(host?.kind == .usage)
    }

    @Test("an unknown parameter is an error, with a suggestion when one is close")
    func unknown() {
        let (error, host) = failure(declaration, ["year=2013", "yeer=2014"])
        #expect(
            error?.message == "(eval):1: bad argument #1 to 'params' (unknown parameter 'yeer'; did you mean 'year'?)")
        #expect(host?.kind == .usage)
        let (far, _) = failure(declaration, ["colour=red"])
        #expect(
            far?.message == "(eval):1: bad argument #1 to 'params' "
                + "(unknown parameter 'colour' (parameters: province, share, strict, year))")
        let (none, _) = failure("params{}", ["year=1"])
        #expect(
            none?.message == "(eval):1: bad argument #1 to 'params' "
                + "(unknown parameter 'year' (the script declares no parameters))")
    }

    @Test("malformed declarations say what was expected")
    func malformed() {
        let (error, host) = failure("params{ year = 2013 }", [])
        #expect(
            error?.message == "(eval):1: bad argument #1 to 'params' "
                + "(parameter 'year' must be declared with a table { default = …, doc = \"…\" }, got number)")
        // The script's own mistake, not the command line's: a script error, not a usage error.
        #expect(host == nil)
        #expect(
            failure("params{ year = { dflt = 1 } }", []).0?.message == "(eval):1: bad argument #1 to 'params' "
                + "(unknown field 'dflt' in parameter 'year' (fields: default, doc))")
        #expect(
            failure("params(1)", []).0?.message == "(eval):1: bad argument #1 to 'params' "
                + "(table of parameter declarations expected, got number)")
    }

    @Test("--param values must be name=value, each name once")
    func parsing() {
        #expect(throws: WorkbenchError.usage("--param expects name=value, got 'year'")) {
            try ScriptParameters.parse(["year"])
        }
        #expect(throws: WorkbenchError.usage("--param expects name=value, got '=1' (the name is empty)")) {
            try ScriptParameters.parse(["=1"])
        }
        #expect(throws: WorkbenchError.usage("--param 'year' is given more than once")) {
            try ScriptParameters.parse(["year=1", "year=2"])
        }
    }

    @Test("describing stops at params{} and records the declarations, running nothing after it")
    func describe() throws {
        let sink = BufferSink()
        let declarations = try ScriptRunner(output: sink).declaredParameters(
            of: .code(
                """
                print("before")
                \(declaration)
                print("after")
                error("never reached")
                """))
        #expect(
            declarations == [
                ParameterDeclaration(name: "province", doc: "Province code"),
                ParameterDeclaration(name: "share", defaultValue: 0.5),
                ParameterDeclaration(name: "strict", defaultValue: false),
                ParameterDeclaration(name: "year", defaultValue: 2013, doc: "The plan year"),
            ])
        #expect(sink.text == "")
        #expect(try ScriptRunner(output: sink).declaredParameters(of: .code("print(1)")) == nil)
        #expect(throws: LuaError.self) {
            try ScriptRunner(output: sink).declaredParameters(of: .code("error('early') params{}"))
        }
    }
}
