import Foundation
import Tabular

/// One row of the catalog's `rules` table, as the compliance check applies it.
public struct ComplianceRule: Sendable, Hashable {
    /// What the rule constrains; the raw values are `rules.kind`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Every measure the selector matches must be in the plan.
        case requiredMeasures = "required_measures"
        /// Only measures the selector matches may be in the plan.
        case scope
        /// The count of items the selector matches is at least (more than) `value`.
        case optionalCountMin = "optional_count_min"
        /// The count of items the selector matches is at most (fewer than) `value`.
        case optionalCountMax = "optional_count_max"
        /// Items the selector matches record `field`, from a lead department.
        case approval
        /// Every item fills `field`.
        case requiredField = "required_field"
        /// The plan is submitted before (or on) `date`.
        case deadline
        /// Non-conforming plans are returned: stated, nothing to check.
        case review
    }

    /// The rule's id (`optional_count_min`).
    public let id: String
    /// What it constrains.
    public let kind: Kind
    /// `column=value` conditions on measures, all of which must hold; empty for none.
    public let selector: [(column: String, value: String)]
    /// The count for the optional bounds.
    public let value: Int?
    /// The deadline.
    public let date: CalendarDate?
    /// Whether `value` or `date` itself is allowed.
    public let inclusive: Bool
    /// The plan field a `required_field` or `approval` rule asks for.
    public let field: String?
    /// The circular's words, quoted in every reason the rule gives.
    public let text: String

    /// Whether `measure`'s catalog row, read through `attribute`, matches every condition.
    func selects(_ attribute: (String) -> String?) -> Bool {
        selector.allSatisfy { attribute($0.column) == $0.value }
    }

    public static func == (lhs: ComplianceRule, rhs: ComplianceRule) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind
            && lhs.selector.map { "\($0.column)=\($0.value)" }
                == rhs.selector.map { "\($0.column)=\($0.value)" }
            && lhs.value == rhs.value && lhs.date == rhs.date && lhs.inclusive == rhs.inclusive
            && lhs.field == rhs.field && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The circular's rules for provincial plans, read from the catalog's `rules` table,
/// so that every number (9 required, at least 2 and at most 10 optional, the deadline)
/// and every quoted text is data.
///
/// For example:
/// ```swift
/// let rules = try ComplianceRules(try workspace.table("rules"))
/// rules.rules(.optionalCountMin).first?.value   // 2
/// ```
public struct ComplianceRules: Sendable {
    /// The rules that apply to provincial offices (`applies_to` = `provincial_offices`
    /// or `both`), in table order.
    public let rules: [ComplianceRule]

    /// The plan fields a `required_field` or `approval` rule may name, with the
    /// `plan_items` columns that must all be filled for it.
    public static let fieldColumns: [(field: String, columns: [String])] = [
        ("objective", ["objective"]),
        ("work_measures", ["measure"]),
        ("schedule", ["schedule_start", "schedule_end"]),
        ("responsible_department", ["responsible_unit"]),
        ("funds", ["funds"]),
        ("regional_deployment", ["deployment"]),
        ("lead_department_approval", ["approval"]),
    ]

    /// Reads the rules from a table with the columns of the catalog's `rules.csv`.
    ///
    /// - Throws: ``TableError`` `unknownColumn` or `typeMismatch` for a missing or
    ///   mistyped column; `invalidArgument` for an unknown kind, a selector that is not
    ///   `column=value`, a bound without a value, a deadline without a date, or a field
    ///   without plan columns.
    /// - Complexity: O(rows).
    public init(_ table: Table) throws {
        let ids = try table.strings("rule")
        let kinds = try table.strings("kind")
        let appliesTo = try table.strings("applies_to")
        let selectors = try table.strings("selector")
        let values = try table.integers("value")
        let dates = try table.dates("date")
        let inclusive = try table.booleans("inclusive")
        let fields = try table.strings("field")
        let texts = try table.strings("text")
        var rules: [ComplianceRule] = []
        for row in 0..<table.rowCount {
            guard appliesTo[row] == "provincial_offices" || appliesTo[row] == "both" else {
                continue
            }
            let id = ids[row] ?? ""
            guard let kind = kinds[row].flatMap(ComplianceRule.Kind.init(rawValue:)) else {
                throw TableError.invalidArgument(
                    "rule '\(id)' expected a kind among "
                        + ComplianceRule.Kind.allCases.map { "'\($0.rawValue)'" }.joined(
                            separator: ", ") + ", found '\(kinds[row] ?? "")'")
            }
            let rule = ComplianceRule(
                id: id, kind: kind, selector: try Self.parse(selector: selectors[row], rule: id),
                value: values[row].map(Int.init), date: dates[row],
                inclusive: inclusive[row] ?? true, field: fields[row], text: texts[row] ?? "")
            try Self.validate(rule)
            rules.append(rule)
        }
        self.rules = rules
    }

    /// The rules of one kind, in table order.
    public func rules(_ kind: ComplianceRule.Kind) -> [ComplianceRule] {
        rules.filter { $0.kind == kind }
    }

    /// The `plan_items` columns for a plan field.
    static func columns(for field: String) -> [String]? {
        fieldColumns.first { $0.field == field }?.columns
    }

    private static func parse(selector: String?, rule: String) throws -> [(
        column: String, value: String
    )] {
        guard let selector, !selector.isEmpty else { return [] }
        return try selector.split(separator: ";").map { condition in
            let parts = condition.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw TableError.invalidArgument(
                    "rule '\(rule)' expected a selector of 'column=value' conditions, "
                        + "found '\(condition)'")
            }
            return (String(parts[0]), String(parts[1]))
        }
    }

    private static func validate(_ rule: ComplianceRule) throws {
        func missing(_ what: String) -> TableError {
            TableError.invalidArgument(
                "rule '\(rule.id)' of kind '\(rule.kind.rawValue)' "
                    + "expected \(what), found none")
        }
        switch rule.kind {
        case .optionalCountMin, .optionalCountMax:
            guard rule.value != nil else { throw missing("a value") }
        case .deadline:
            guard rule.date != nil else { throw missing("a date") }
        case .requiredField, .approval:
            guard let field = rule.field else { throw missing("a field") }
            guard columns(for: field) != nil else {
                throw TableError.invalidArgument(
                    "rule '\(rule.id)' expected a field among "
                        + fieldColumns.map { "'\($0.field)'" }.joined(separator: ", ")
                        + ", found '\(field)'")
            }
        case .requiredMeasures, .scope, .review:
            break
        }
    }
}
