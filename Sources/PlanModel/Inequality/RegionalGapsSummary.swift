import Tabular

/// The summary table of a ``RegionalGaps`` result: one row per measure with its value
/// (null when undefined) and a note saying how it was computed or why it is undefined.
struct RegionalGapsSummary {
    private var measures: [String] = []
    private var values: [Double?] = []
    private var notes: [String?] = []

    init(_ spec: RegionalGaps, _ inputs: RegionalGapsInputs, national: Double) {
        let x = inputs.values, n = x.count
        let weighting =
            inputs.weights == nil
            ? "unweighted: each unit counts once"
            : "weighted by '\(spec.weight ?? "")' from \(inputs.weightSource ?? "")"
        add(
            "n", Double(n),
            "\(n) statistical units compared; ranks are descending, ties share the best rank (1, 2, 2, 4)")
        add("excluded_units", Double(inputs.excluded.count), exclusionNote(spec, inputs))
        if !inputs.missing.isEmpty {
            add(
                "missing_values", Double(inputs.missing.count),
                "no value in column '\(spec.value)' for " + inputs.missing.joined(separator: ", "))
        }
        add(
            "national_value", national,
            inputs.weights == nil
                ? "unweighted mean of the units (no weight given)"
                : "ratio of sums Σ(value × \(spec.weight ?? "")) / Σ \(spec.weight ?? "")")
        if let groups = inputs.groups {
            for label in InequalityMeasures.orderOfAppearance(groups) {
                let members = groups.indices.filter { groups[$0] == label }
                let value = InequalityMeasures.nationalValue(
                    members.map { x[$0] },
                    weights: inputs.weights.map { w in
                        members.map { w[$0] }
                    })
                add(
                    "group_value:\(label)", value,
                    inputs.weights == nil
                        ? "unweighted mean of the group's \(members.count) units"
                        : "ratio of sums within the group's \(members.count) units")
            }
        }
        add("mean", InequalityMeasures.mean(x), "unweighted mean of the \(n) units")
        add("min", x.min(), Self.holders(of: x.min(), inputs))
        add("max", x.max(), Self.holders(of: x.max(), inputs))
        add("range", InequalityMeasures.range(x), "max − min")
        add("max_min_ratio", InequalityMeasures.maxMinRatio(x), "max / min")
        for deviation in InequalityMeasures.Deviation.allCases {
            let divisor = deviation == .population ? "n = \(n)" : "n − 1 = \(n - 1)"
            add(
                "sd_\(deviation.rawValue)", InequalityMeasures.standardDeviation(x, deviation),
                "standard deviation dividing by \(divisor)")
            add(
                "cv_\(deviation.rawValue)", InequalityMeasures.coefficientOfVariation(x, deviation),
                "sd_\(deviation.rawValue) / mean")
        }
        if let weights = inputs.weights {
            add(
                "williamson_cv", InequalityMeasures.williamsonCV(x, weights: weights),
                "√(Σ pᵢ (xᵢ − national_value)²) / national_value, \(weighting)")
        }
        add("gini", InequalityMeasures.gini(x), "unweighted: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean)")
        add("gini_small_sample", InequalityMeasures.giniSmallSample(x), "gini × n / (n − 1)")
        if let weights = inputs.weights {
            add(
                "gini_weighted", InequalityMeasures.gini(x, weights: weights),
                "Σᵢ Σⱼ pᵢ pⱼ |xᵢ − xⱼ| / (2 national_value), \(weighting)")
        }
        let groupNote = inputs.groups == nil ? "" : " by '\(spec.group ?? "")' from \(inputs.groupSource ?? "")"
        addTheil(
            "theil_t", InequalityMeasures.theilT(x, weights: inputs.weights, groups: inputs.groups),
            "Theil T, GE(1), \(weighting)", groupNote)
        addTheil(
            "theil_l", InequalityMeasures.theilL(x, weights: inputs.weights, groups: inputs.groups),
            "Theil L, GE(0), mean log deviation, \(weighting)", groupNote)
    }

    /// The summary as a table: measure, value, note.
    func table() throws -> Table {
        var valueColumn = ColumnBuilder(type: .double, capacity: values.count)
        var noteColumn = ColumnBuilder(type: .string, capacity: notes.count)
        for value in values { valueColumn.append(value.map(Cell.double) ?? .null) }
        for note in notes { noteColumn.append(note.map(Cell.string) ?? .null) }
        return try Table([
            ("measure", Column(.string(.plain(measures)))),
            ("value", valueColumn.finish()),
            ("note", noteColumn.finish()),
        ])
    }

    /// "unit 130000" or "units 110000, 120000": the units holding `value`.
    private static func holders(of value: Double?, _ inputs: RegionalGapsInputs) -> String {
        let units = inputs.units.indices.filter { inputs.values[$0] == value }.map { inputs.units[$0] }
        return (units.count == 1 ? "unit " : "units ") + units.joined(separator: ", ")
    }

    private func exclusionNote(_ spec: RegionalGaps, _ inputs: RegionalGapsInputs) -> String {
        guard let source = inputs.exclusionSource else {
            return "no 'statistical_unit' column for '\(spec.unit)' in the table or the workspace; every unit compared"
        }
        guard !inputs.excluded.isEmpty else { return "none: every unit is a statistical unit (\(source))" }
        return inputs.excluded.joined(separator: "; ")
    }

    private mutating func add(_ measure: String, _ value: Double?, _ note: String?) {
        measures.append(measure)
        values.append(value)
        notes.append(note)
    }

    /// A measure that may be undefined: its value, or null and the reason in the note.
    private mutating func add(_ measure: String, _ measured: Measured<Double>, _ note: String) {
        switch measured {
        case .defined(let value): add(measure, value, note)
        case .undefined(let reason): add(measure, nil, "undefined: \(reason)")
        }
    }

    /// The index, and with groups its between and within terms, their shares of the total
    /// and each group's contribution to the within term and its share of the total.
    private mutating func addTheil(
        _ name: String, _ measured: Measured<TheilDecomposition>, _ note: String, _ groupNote: String
    ) {
        guard let theil = measured.value else { return add(name, nil, "undefined: \(measured.reason ?? "")") }
        add(name, theil.total, note)
        guard !theil.groups.isEmpty else { return }
        add("\(name)_between", theil.between, "between groups\(groupNote)")
        add("\(name)_within", theil.within, "within groups\(groupNote)")
        add("\(name)_between_share", theil.betweenShare, "\(name)_between / \(name)")
        add("\(name)_within_share", theil.withinShare, "\(name)_within / \(name)")
        for part in theil.groups {
            add(
                "\(name)_within:\(part.group)", part.contribution,
                "the group's contribution to \(name)_within (\(part.units) units)")
            add("\(name)_within_share:\(part.group)", theil.share(of: part), "\(name)_within:\(part.group) / \(name)")
        }
    }
}
