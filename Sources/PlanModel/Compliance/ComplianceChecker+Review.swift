import Foundation
import Tabular

/// The catalog's measures, with every attribute as text for matching rule selectors.
struct MeasureCatalog: Sendable {
    /// Measure numbers, in table order.
    let measures: [Int64]
    private let rowOf: [Int64: Int]
    private let attributes: [String: [String?]]

    init(_ table: Table) throws {
        measures = try table.integers("measure").map { $0 ?? 0 }
        rowOf = Dictionary(
            measures.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var attributes: [String: [String?]] = [:]
        for name in table.columnNames { attributes[name] = try table.texts(name) }
        self.attributes = attributes
    }

    /// The attribute `column` of `measure` as text, or `nil` when either is unknown or null.
    func attribute(_ measure: Int64, _ column: String) -> String? {
        guard let row = rowOf[measure], let values = attributes[column] else { return nil }
        return values[row]
    }

    /// Whether `measure` matches every condition of `rule`'s selector.
    func selects(_ rule: ComplianceRule, _ measure: Int64) -> Bool {
        rule.selects { attribute(measure, $0) }
    }
}

/// The plan items' measures and, per plan field, whether each item fills it.
struct PlanItems: Sendable {
    let measures: [Int64?]
    let filled: [String: [Bool]]
    let approvals: [String?]

    init(_ items: Table, rules: ComplianceRules) throws {
        measures = try items.integers("measure")
        var filled: [String: [Bool]] = [:]
        for rule in rules.rules where rule.kind == .requiredField || rule.kind == .approval {
            guard let field = rule.field, filled[field] == nil,
                let columns = ComplianceRules.columns(for: field)
            else { continue }
            var all = [Bool](repeating: true, count: items.rowCount)
            for name in columns {
                let values = try items.texts(name)
                for row in values.indices {
                    let text = values[row]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                    if text.isEmpty { all[row] = false }
                }
            }
            filled[field] = all
        }
        self.filled = filled
        approvals =
            items.schema.index(of: "approval") != nil ? try items.texts("approval") : []
    }
}

extension ComplianceChecker {
    /// Applies every rule, in table order, to one province's plan.
    func review(
        province: String, submittedOn: CalendarDate?, rows: [Int], items: PlanItems
    ) -> PlanVerdict {
        let included = Set(rows.compactMap { items.measures[$0] })
        let required = Set(
            rules.rules(.requiredMeasures).flatMap { rule in
                measures.measures.filter { measures.selects(rule, $0) }
            })
        let optionalRule = rules.rules.first {
            $0.kind == .optionalCountMin || $0.kind == .optionalCountMax
        }
        let optionalCount = optionalRule.map { rule in
            included.filter { measures.selects(rule, $0) }.count
        }
        guard let submittedOn else {
            let deadline = rules.rules(.deadline).first
            let reason = ComplianceReason(
                rule: deadline?.id ?? "deadline", problem: "no plan submitted",
                ruleText: deadline?.text ?? "")
            return PlanVerdict(
                province: province, submittedOn: nil,
                requiredIncluded: (required.intersection(included).count, required.count),
                optionalCount: optionalCount, reasons: [reason])
        }
        let reasons = rules.rules.flatMap { rule in
            check(rule, rows: rows, included: included, items: items, submittedOn: submittedOn)
                .map { ComplianceReason(rule: rule, problem: $0) }
        }
        return PlanVerdict(
            province: province, submittedOn: submittedOn,
            requiredIncluded: (required.intersection(included).count, required.count),
            optionalCount: optionalCount, reasons: reasons)
    }

    /// The problems `rule` finds in one plan, in words; empty when it holds.
    private func check(
        _ rule: ComplianceRule, rows: [Int], included: Set<Int64>, items: PlanItems,
        submittedOn: CalendarDate
    ) -> [String] {
        switch rule.kind {
        case .requiredMeasures:
            let missing = measures.measures.filter {
                measures.selects(rule, $0) && !included.contains($0)
            }
            return missing.isEmpty ? [] : ["missing required \(ComplianceReason.measures(missing))"]
        case .scope:
            let outside = included.sorted().filter { !measures.selects(rule, $0) }
            return outside.isEmpty
                ? [] : ["\(ComplianceReason.measures(outside)) not open to local offices"]
        case .optionalCountMin, .optionalCountMax:
            return countProblem(rule, included.filter { measures.selects(rule, $0) }.count)
        case .approval:
            return approvalProblems(rule, rows: rows, items: items)
        case .requiredField:
            guard let field = rule.field, let filled = items.filled[field] else { return [] }
            let unfilled = rows.filter { !filled[$0] }.compactMap { items.measures[$0] }.sorted()
            let name = field.replacingOccurrences(of: "_", with: " ")
            return unfilled.isEmpty
                ? [] : ["\(name) missing for \(ComplianceReason.measures(unfilled))"]
        case .deadline:
            guard let date = rule.date else { return [] }
            let onTime = rule.inclusive ? submittedOn <= date : submittedOn < date
            return onTime
                ? []
                : [
                    "submitted \(submittedOn), expected \(rule.inclusive ? "on or before" : "before") \(date)"
                ]
        case .review:
            return []
        }
    }

    /// A count of optional measures outside a bound, in words.
    private func countProblem(_ rule: ComplianceRule, _ count: Int) -> [String] {
        guard let bound = rule.value else { return [] }
        let holds: Bool
        let expected: String
        if rule.kind == .optionalCountMin {
            holds = rule.inclusive ? count >= bound : count > bound
            expected = rule.inclusive ? "at least" : "more than"
        } else {
            holds = rule.inclusive ? count <= bound : count < bound
            expected = rule.inclusive ? "at most" : "fewer than"
        }
        let noun = count == 1 ? "optional measure" : "optional measures"
        return holds ? [] : ["\(count) \(noun) selected, expected \(expected) \(bound)"]
    }

    /// Items the rule selects that record no approval, or one from a department
    /// that does not lead the measure.
    private func approvalProblems(_ rule: ComplianceRule, rows: [Int], items: PlanItems) -> [String] {
        guard let field = rule.field, let filled = items.filled[field] else { return [] }
        let selected = rows.filter {
            items.measures[$0].map { measures.selects(rule, $0) } ?? false
        }
        .sorted { (items.measures[$0] ?? 0) < (items.measures[$1] ?? 0) }
        var problems: [String] = []
        let unapproved = selected.filter { !filled[$0] }.compactMap { items.measures[$0] }
        if !unapproved.isEmpty {
            problems.append("no approval recorded for \(ComplianceReason.measures(unapproved))")
        }
        guard field == "lead_department_approval", !items.approvals.isEmpty else { return problems }
        for row in selected where filled[row] {
            guard let measure = items.measures[row], let approver = items.approvals[row],
                let leads = leads[measure], !leads.contains(approver)
            else { continue }
            let quoted = leads.map { "'\($0)'" }.joined(separator: " or ")
            problems.append(
                "measure \(measure) approved by '\(approver)', expected its lead department \(quoted)"
            )
        }
        return problems
    }
}
