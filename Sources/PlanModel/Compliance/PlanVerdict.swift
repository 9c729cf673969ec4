import Tabular

/// One provincial plan's review: what it contains and every reason to return it.
public struct PlanVerdict: Sendable, Hashable {
    /// The province code (`provinces.province`).
    public let province: String
    /// The submission date, or `nil` when no plan was submitted.
    public let submittedOn: CalendarDate?
    /// How many required measures the plan includes, and how many there are.
    public let requiredIncluded: (included: Int, total: Int)
    /// How many optional measures it includes, or `nil` when no rule bounds them.
    public let optionalCount: Int?
    /// Every broken rule, in the order of the rules table.
    public let reasons: [ComplianceReason]

    /// Whether the plan is accepted: it breaks no rule.
    public var accepted: Bool { reasons.isEmpty }

    public static func == (lhs: PlanVerdict, rhs: PlanVerdict) -> Bool {
        lhs.province == rhs.province && lhs.submittedOn == rhs.submittedOn
            && lhs.requiredIncluded == rhs.requiredIncluded
            && lhs.optionalCount == rhs.optionalCount && lhs.reasons == rhs.reasons
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(province) }
}
