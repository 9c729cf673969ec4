import ArgumentParser
import LuaKit
import Workbench

extension PlanScope {
    /// `planscope run SCRIPT [ARGS...]`
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a Lua script.",
            discussion: """
                Arguments after the script go to it as 'arg' and '...', as with lua(1). \
                Use '-' to read the script from standard input.

                Examples:
                  planscope run Scripts/counts_by_department.lua
                  planscope run --timeout 10 --max-memory 256 assessment.lua 2013Q4
                  echo 'print(1 + 1)' | planscope run -
                  planscope run --output counts.csv --provenance Scripts/counts_by_department.lua
                  planscope run --csv --excel --null NA Scripts/counts_by_department.lua > counts.csv
                """
        )

        @OptionGroup var options: ScriptOptions

        @OptionGroup var parameters: ParameterOptions

        @OptionGroup(title: "Output options") var output: OutputOptions

        @OptionGroup var provenance: ProvenanceOption

        @Argument(help: ArgumentHelp("The script, or '-' for standard input.", valueName: "script"))
        var script: String

        @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script.")
        var arguments: [String] = []

        func run() throws {
            let source = try CommandFailure.wrapping { try ScriptSource.file(script) }
            let interpreter = Array(CommandLine.arguments.prefix { $0 != script })
            var runOptions = options.runOptions(arguments: arguments, interpreterArguments: interpreter)
            runOptions.parameters = parameters.parameters
            if arguments.contains("--help") {
                try Execution(options: options).describeParameters(of: source, options: runOptions)
                return
            }
            var destination = output.request
            if provenance.provenance { destination.provenanceScript = script }
            try Execution(options: options, destination: destination).run(
                source, options: runOptions, printResults: false)
        }
    }

    /// `planscope eval 'CODE'`
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Lua code given on the command line and print what it returns.",
            discussion: """
                An expression is enough: 'eval' tries 'return CODE' first, as the Lua REPL does.
                Returned tables are shown in the output format, as in the REPL.

                Examples:
                  planscope eval '1 + 1'
                  planscope eval 'return 1+1, "两", {1,2}'
                  planscope eval 'plan.measures:count("scope")'
                  planscope eval --markdown 'show(plan.main_tasks)'
                """
        )

        @OptionGroup var options: ScriptOptions

        @OptionGroup(title: "Output options") var output: OutputOptions

        @Argument(help: ArgumentHelp("Lua code.", valueName: "code"))
        var code: String

        func run() throws {
            let asExpression = "return " + code
            let source = LuaState.compiles(asExpression) ? ScriptSource.code(asExpression) : ScriptSource.code(code)
            try Execution(options: options, destination: output.request).run(
                source, options: options.runOptions(arguments: [], interpreterArguments: []), printResults: true)
        }
    }
}
