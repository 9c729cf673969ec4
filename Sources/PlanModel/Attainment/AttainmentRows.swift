import Tabular

/// A target judged as a whole.
struct TargetSummary {
    let value: Double
    let actual: Double?
    let evaluation: TargetEvaluation
    let reporters: Int
    let unitsMet: Int?
    let unitsTotal: Int?
    let shortfall: String?
    let note: String?
}

/// One reporter's (or designated unit's) part of a target; `evaluation` is `nil` where
/// the reporter is not judged on its own.
struct UnitResult {
    let reporter: String
    let kind: String
    let value: Double
    let actual: Double?
    let rate: Double?
    let evaluation: TargetEvaluation?
}

/// Collects the rows of an attainment table, column by column.
struct AttainmentRows {
    let grouping: AttainmentCalculator.Grouping
    let period: ReportingPeriod
    private var cells: [(name: String, type: ColumnType)] = []
    private var values: [[Cell]] = []

    init(grouping: AttainmentCalculator.Grouping, period: ReportingPeriod) {
        self.grouping = grouping
        self.period = period
        let common: [(String, ColumnType)] = [("target", .string), ("metric", .string)]
        switch grouping {
        case .target:
            cells =
                common + [
                    ("comparator", .string), ("flow_or_stock", .string), ("horizon", .string),
                    ("period", .string),
                    ("expected_share", .double), ("target_value", .double),
                    ("target_max", .double), ("actual", .double), ("rate", .double),
                    ("status", .string), ("rag", .string), ("reporters", .int64),
                    ("units_met", .int64), ("units_total", .int64), ("shortfall", .string),
                    ("note", .string),
                ]
        case .reporter:
            cells =
                common + [
                    ("reporter", .string), ("reporter_kind", .string), ("period", .string),
                    ("expected_share", .double), ("target_value", .double), ("actual", .double),
                    ("rate", .double), ("status", .string), ("rag", .string),
                ]
        }
        values = cells.map { _ in [] }
    }

    private func number(_ value: Double?) -> Cell { value.map(Cell.double) ?? .null }
    private func integer(_ value: Int?) -> Cell { value.map { .int(Int64($0)) } ?? .null }
    private func string(_ value: String?) -> Cell { value.map(Cell.string) ?? .null }

    private mutating func append(_ row: [Cell]) {
        for index in row.indices { values[index].append(row[index]) }
    }

    mutating func addTarget(_ target: TargetDefinition, _ summary: TargetSummary) {
        append([
            .string(target.id), .string(target.metric), .string(target.comparator),
            .string(target.isStock ? "stock" : "flow"), string(target.horizon),
            .string(period.description),
            .double(period.elapsedShare), .double(summary.value), number(target.valueMax),
            number(summary.actual), number(summary.evaluation.rate),
            .string(summary.evaluation.status.rawValue), .string(summary.evaluation.rag.rawValue),
            .int(Int64(summary.reporters)), integer(summary.unitsMet), integer(summary.unitsTotal),
            string(summary.shortfall), string(summary.note),
        ])
    }

    mutating func addReporter(_ target: TargetDefinition, _ unit: UnitResult) {
        append([
            .string(target.id), .string(target.metric), .string(unit.reporter),
            .string(unit.kind), .string(period.description), .double(period.elapsedShare),
            .double(unit.value), number(unit.actual), number(unit.rate),
            string(unit.evaluation?.status.rawValue), string(unit.evaluation?.rag.rawValue),
        ])
    }

    /// The collected rows as a table.
    /// - Throws: ``TableError`` when a value does not fit its column.
    func table() throws -> Table {
        try Table(
            zip(cells, values).map { field, column in
                (field.name, try Column(type: field.type, cells: column, name: field.name))
            })
    }
}
