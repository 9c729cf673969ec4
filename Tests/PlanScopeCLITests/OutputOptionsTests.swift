import Foundation
import PlanScopeTestSupport
import Testing

/// `run` and `eval` output options: formats, `--output`, `--excel`, `--null`, `output{}`.
@Suite struct OutputOptionsTests {
    private let data = packageRoot().appendingPathComponent("Datasets/sample2013").path
    private let twoTables = """
        show(plan.main_tasks:select("main_task", "role"))
        show(Table.from{ {a = 1, b = "x"}, {a = 2} })
        """

    private func planscope(_ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws
        -> ProcessOutcome
    {
        try runProduct("planscope", arguments, stdin: stdin, directory: directory)
    }

    @Test("--csv, --json and --markdown are shorthands for --format")
    func shorthands() throws {
        let code = #"show(plan.main_tasks:select("main_task", "role"):limit(1))"#
        for (flag, expected) in [
            ("--csv", "main_task,role\n1,foundation\n"),
            ("--json", "[\n" + #"  {"main_task":1,"role":"foundation"}"# + "\n]\n"),
            ("--markdown", "| main_task | role       |\n|----------:|------------|\n|         1 | foundation |\n\n"),
        ] {
            let outcome = try planscope(["eval", flag, "--data", data, code])
            #expect(outcome.status == 0, "\(flag): \(outcome.stderr)")
            #expect(outcome.stdout == expected, "\(flag)")
            #expect(
                try planscope(["eval", "--format", String(flag.dropFirst(2)), "--data", data, code]).stdout == expected)
        }
    }

    @Test(
        "two formats, an unknown format or extension and bad limits are usage errors (64)",
        arguments: [
            (["--csv", "--json"], "--csv and --json conflict"),
            (["--format", "csv", "--markdown"], "--format csv and --markdown conflict"),
            (["--format", "xml"], "--format must be one of box, csv"),
            (["--output", "out.xlsx"], "cannot tell the format of 'out.xlsx'"),
            (["--excel", "--json"], "--excel applies to csv and tsv only"),
            (["--excel", "--null", "NA"], "--null cannot be used with --excel"),
            (["--max-rows", "0"], "--max-rows must be a positive number"),
            (["--max-width=-3"], "--max-width must be a positive number"),
        ])
    func usageErrors(arguments: [String], message: String) throws {
        let outcome = try planscope(["eval"] + arguments + ["1"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stdout == "")
    }

    @Test("several shows in csv to standard output: a blank line between tables, each with its header")
    func severalCSVTables() throws {
        let outcome = try planscope(["run", "--csv", "--data", data, "-"], stdin: twoTables)
        #expect(outcome.status == 0)
        assertEqualText(outcome.stdout, "main_task,role\n1,foundation\n2,guarantee\n3,objective\n\na,b\n1,x\n2,\n")
    }

    @Test("--output writes the csv atomically, Python's csv module reads it, and --null fills nulls")
    func outputFile() throws {
        let directory = try makeTemporaryDirectory("output")
        let script = #"show(Table.from{ {name = "a,b", n = 1}, {name = "say \"hi\"", n = nil} }) print("done")"#
        let outcome = try planscope(["eval", "--output", "result.csv", "--null", "NA", script], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "")
        let python = try runPython(
            "import csv,sys; rows=list(csv.reader(open(sys.argv[1], newline=''))); print(repr(rows))",
            directory + "/result.csv")
        #expect(python == #"[['n', 'name'], ['1', 'a,b'], ['NA', 'say "hi"'], ['done']]"# + "\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("a failing script leaves --output's file as it was")
    func failedRunKeepsFile() throws {
        let directory = try makeTemporaryDirectory("output")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: directory + "/result.csv"))
        let outcome = try planscope(
            ["eval", "--output", "result.csv", #"show(Table.from{{a = 1}}) error("boom")"#],
            in: directory)
        #expect(outcome.status == 70)
        #expect(try String(contentsOfFile: directory + "/result.csv", encoding: .utf8) == "old\n")
    }

    @Test("a second csv table in an --output file is refused with a hint to use write() (64)")
    func secondTableInFile() throws {
        let directory = try makeTemporaryDirectory("output")
        let outcome = try planscope(
            ["run", "--output", "both.csv", "--data", data, "-"], stdin: twoTables, in: directory)
        #expect(outcome.status == 64)
        #expect(
            outcome.stderr.contains(
                "planscope: stdin:2: 'both.csv' already holds a table in csv: one file holds one table; "
                    + #"write the others with write(t, "other.csv")"#), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/both.csv"))
    }

    @Test("ndjson output from several shows stays one JSON object per line")
    func ndjsonLines() throws {
        let outcome = try planscope(["run", "--format", "ndjson", "--data", data, "-"], stdin: twoTables)
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any]) }
    }

    @Test("--excel writes one byte order mark, CRLF, and neutralises formulas")
    func excel() throws {
        let code = #"show(Table.from{ {f = "=1+1"} }) show(Table.from{ {g = "x"} })"#
        let outcome = try planscope(["eval", "--excel", code])
        #expect(outcome.status == 0)
        #expect(Array(outcome.stdout.utf8) == Array("\u{FEFF}f\r\n'=1+1\r\n\r\ng\r\nx\r\n".utf8))
        let directory = try makeTemporaryDirectory("output")
        #expect(
            try planscope(
                ["eval", "--excel", "--output", "one.csv", #"show(Table.from{ {f = "=1+1"} })"#],
                in: directory
            ).status == 0)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/one.csv")))
        #expect(bytes == Array("\u{FEFF}f\r\n'=1+1\r\n".utf8))
    }

    @Test("output{} sets the format and null text from a script")
    func outputGlobal() throws {
        let outcome = try planscope([
            "eval", #"output{ format = "csv", null = "NA" } show(Table.from{ {a = 1}, {b = 2} })"#,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "a,b\n1,NA\nNA,2\n")
        let bad = try planscope(["eval", #"output{ fromat = "csv" }"#])
        #expect(bad.status == 70)
        #expect(
            bad.stderr.contains(
                "bad argument #1 to 'output' (unknown option 'fromat'; did you mean 'format'? (options: format, max_rows, max_width, null))"
            ))
    }

    @Test("run --help and eval --help list the output options with examples")
    func help() throws {
        for command in ["run", "eval"] {
            let help = try planscope([command, "--help"]).stdout
            for option in ["--output <file>", "--excel", "--max-rows <n>", "--null <text>", "--no-color", "Examples:"] {
                #expect(help.contains(option), "\(command) --help lacks \(option)")
            }
        }
    }

    /// Runs python3 on `code` with `argument`; its standard output.
    private func runPython(_ code: String, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
