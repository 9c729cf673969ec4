/// Why a provincial plan is returned: what is wrong, and the rule it breaks, quoted.
///
/// Its text reads `<problem> (<rule id>: "<the circular's words>")`, for example
/// `missing required measures 12, 19 (required_measures: "Required measures …")`.
public struct ComplianceReason: Sendable, Hashable, CustomStringConvertible {
    /// The id of the broken rule (`rules.rule`).
    public let rule: String
    /// What is wrong with the plan, in words.
    public let problem: String
    /// The rule's text, verbatim from `rules.text`.
    public let ruleText: String

    /// Creates a reason for `problem` under `rule`.
    public init(rule: ComplianceRule, problem: String) {
        self.init(rule: rule.id, problem: problem, ruleText: rule.text)
    }

    /// Creates a reason from its parts; an empty `ruleText` is left out of the text.
    public init(rule: String, problem: String, ruleText: String) {
        self.rule = rule
        self.problem = problem
        self.ruleText = ruleText
    }

    /// The problem followed by the rule it breaks, quoted.
    public var description: String {
        ruleText.isEmpty ? "\(problem) (\(rule))" : "\(problem) (\(rule): \"\(ruleText)\")"
    }

    /// `7`, `7 and 12`, or `7, 12 and 19`: measure numbers for a reason's text.
    static func list(_ measures: [Int64]) -> String {
        let names = measures.map(String.init)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// `measure 7` or `measures 7 and 12`.
    static func measures(_ measures: [Int64]) -> String {
        (measures.count == 1 ? "measure " : "measures ") + list(measures)
    }
}
