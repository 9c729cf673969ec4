/// A Theil index split into inequality between groups and within them.
///
/// For Theil T (GE(1)) with outcome shares s and population shares p:
/// T = Σg sg ln(sg/pg) + Σg sg Tg. For Theil L (GE(0), the mean log deviation):
/// L = Σg pg ln(pg/sg) + Σg pg Lg. Unweighted, every unit's population is 1.
public struct TheilDecomposition: Sendable, Equatable {
    /// One group's part of the within-group term.
    public struct GroupPart: Sendable, Equatable {
        /// The group's label, as given.
        public let group: String
        /// How many units the group has.
        public let units: Int
        /// pg: the group's share of the total weight (of the units, unweighted).
        public let populationShare: Double
        /// sg: the group's share of the total outcome Σwᵢxᵢ.
        public let outcomeShare: Double
        /// Tg or Lg: the index computed inside the group alone.
        public let index: Double
        /// sg·Tg or pg·Lg: what the group adds to the within-group term.
        public let contribution: Double
    }

    /// The index over all units.
    public let total: Double
    /// The between-group term, computed from group means alone.
    public let between: Double
    /// The within-group term, the sum of the groups' contributions.
    public let within: Double
    /// The groups, in order of first appearance; empty when no groups were given.
    public let groups: [GroupPart]

    /// between / total; `nil` when there is no inequality (total 0).
    public var betweenShare: Double? { total > 0 ? between / total : nil }

    /// within / total; `nil` when there is no inequality (total 0).
    public var withinShare: Double? { total > 0 ? within / total : nil }

    /// A group's contribution / total; `nil` when there is no inequality (total 0).
    public func share(of part: GroupPart) -> Double? { total > 0 ? part.contribution / total : nil }
}
