// The PlanScope peer of the group-by benchmark (see ../../README.md):
//   planscope-groupby INPUT OUTPUT [THREADS]   runs the query and writes its result as CSV,
//                                              reading with THREADS threads (default: one per core)
//   planscope-groupby --build-configuration   prints "release" or "debug" for compare.py
// The query is the one every peer runs: rows of period 2013Q4, grouped by province and
// measure, with count, sum and mean of value (nulls skipped), sorted by the keys.
import Tabular

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if DEBUG
let buildConfiguration = "debug"
#else
let buildConfiguration = "release"
#endif

/// The generated file's columns, given so that nothing is inferred, as for every peer.
let progressSchema = Schema([
    .init(name: "period", type: .string), .init(name: "province", type: .string),
    .init(name: "county", type: .string), .init(name: "measure", type: .int64),
    .init(name: "metric", type: .string), .init(name: "value", type: .double),
    .init(name: "target", type: .int64), .init(name: "status", type: .string),
])

func fail(_ message: String) -> Never {
    // write(2) on descriptor 2: the C 'stderr' global is not concurrency-safe in Swift 6.
    var line = "planscope-groupby: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
if arguments == ["--build-configuration"] {
    print(buildConfiguration)
    exit(0)
}
// A debug build is an order of magnitude slower; timing one would misreport the engine.
guard buildConfiguration == "release" else {
    fail("refusing to run a debug build; build with 'swift build -c release'")
}
guard arguments.count == 2 || arguments.count == 3 else {
    fail("expected 'INPUT OUTPUT [THREADS]' or '--build-configuration', found \(arguments.count) arguments")
}
let paths = Array(arguments.prefix(2))
var threads: Int?
if arguments.count == 3 {
    guard let count = Int(arguments.last!), count > 0 else {
        fail("expected a positive number of threads, found '\(arguments.last!)'")
    }
    threads = count
}

do {
    // Only the query's columns are parsed, as pandas' usecols and polars' lazy scan do.
    let reader = CSVReader(
        options: CSVReadOptions(
            schema: progressSchema, columns: ["period", "province", "measure", "value"], threads: threads))
    let result = try reader.readCSV(path: paths[0]).table
        .filter(equals: [("period", [.string("2013Q4")])])
        .groupBy(["province", "measure"])
        .aggregate([("count", .count("value")), ("sum", .sum("value")), ("mean", .mean("value"))])
        .orderBy([SortKey("province"), SortKey("measure")])
    try CSVWriter().writeCSV(result, to: paths[1])
} catch {
    fail("\(error)")
}
