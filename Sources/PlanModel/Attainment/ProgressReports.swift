import Tabular

/// The `progress` table's columns, read once, with periods parsed.
struct ProgressReports: Sendable {
    let periods: [ReportingPeriod]
    let reporters: [String]
    let kinds: [String]
    let measures: [Int64?]
    let statuses: [String?]
    let metrics: [String?]
    let values: [Double?]
    /// When each report came in; empty when the table has no `reported_on` column.
    let reportedOn: [CalendarDate?]

    /// - Throws: ``TableError`` for a missing or mistyped column, or a period not `YYYYQn`.
    init(_ table: Table) throws {
        let periodTexts = try table.strings("period")
        periods = try periodTexts.enumerated().map { row, text in
            guard let text, let period = ReportingPeriod(text) else {
                throw TableError.invalidArgument(
                    "progress row \(row + 1) expected a period like '2013Q1', found '\(text ?? "")'"
                )
            }
            return period
        }
        reporters = try table.strings("reporter").map { $0 ?? "" }
        kinds = try table.strings("reporter_kind").map { $0 ?? "" }
        measures = try table.integers("measure")
        statuses = try table.strings("status")
        metrics = try table.strings("metric")
        values = try table.doubles("value")
        reportedOn =
            table.schema.index(of: "reported_on") != nil ? try table.dates("reported_on") : []
    }

    var count: Int { periods.count }

    /// Each reporter's value of `target`'s metric over the year up to `period`: the sum
    /// of flows, or a stock's value in the latest period that has one (the last row of
    /// that period when there are several). Sorted by reporter.
    func actuals(_ target: TargetDefinition, upTo period: ReportingPeriod) -> [(
        reporter: String, kind: String, actual: Double
    )] {
        var sums: [String: (kind: String, actual: Double, quarter: Int)] = [:]
        for row in 0..<count {
            guard metrics[row] == target.metric, let value = values[row],
                period.includes(periods[row])
            else { continue }
            if let measure = target.measure, measures[row] != measure { continue }
            let quarter = periods[row].quarter
            let reporter = reporters[row]
            if let previous = sums[reporter] {
                if !target.isStock {
                    sums[reporter] = (previous.kind, previous.actual + value, quarter)
                } else if quarter >= previous.quarter {
                    sums[reporter] = (kinds[row], value, quarter)
                }
            } else {
                sums[reporter] = (kinds[row], value, quarter)
            }
        }
        return sums.keys.sorted().map { ($0, sums[$0]!.kind, sums[$0]!.actual) }
    }
}
