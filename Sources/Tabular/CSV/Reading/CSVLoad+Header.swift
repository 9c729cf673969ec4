extension CSVLoad {
    /// Checks the start of the input: a UTF-16 byte order mark is refused, a
    /// UTF-8 one skipped, and the first window validated.
    func checkStart() throws {
        let p = window.base
        if window.count >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) {
            throw CSVErrors([CSVError.utf16(CSVError.Location(source: source, line: 1, column: 1, lineText: ""))])
        }
        if window.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            position = 3
        }
        validatedUpTo = position
        try validate()
    }

    /// Reads the header and sets up one accumulator per column.
    /// - Returns: `false` when the input holds no record at all.
    func readHeader() throws -> Bool {
        guard try nextRecord() else { return false }
        var problems: [CSVError] = []
        if let problem = scanner.problem { problems.append(problemError(problem, scanner)) }
        var firstField: [String: Int] = [:]
        for (index, field) in scanner.fields.enumerated() {
            let name = text(field, scanner)
            if name.isEmpty {
                problems.append(CSVError.emptyColumnName(location(field.origin, scanner)))
            } else if let first = firstField[name] {
                problems.append(
                    CSVError.duplicateColumnName(location(field.origin, scanner), name: name, first: first + 1))
            } else {
                firstField[name] = index
            }
            names.append(name)
        }
        if let schema = options.schema {
            for field in schema.fields where firstField[field.name] == nil {
                problems.append(CSVError.missingSchemaColumn(location(scanner.recordStart, scanner), name: field.name))
            }
        }
        for name in options.columns ?? [] where firstField[name] == nil {
            problems.append(CSVError.missingSelectedColumn(location(scanner.recordStart, scanner), name: name))
        }
        guard problems.isEmpty else { throw CSVErrors(problems) }
        let kept = options.columns.map(Set.init)
        for name in names {
            let fixed = options.schema?.fields.first { $0.name == name }?.type
            columns.append(ColumnAccumulator(name: name, fixedType: fixed))
            if let kept, !kept.contains(name) {
                modes.append(.skipped)
                continue
            }
            switch fixed {
            case nil: modes.append(.inferred)
            case .string: modes.append(.string)
            case .int64: modes.append(.int64)
            case .double: modes.append(.double)
            case .bool: modes.append(.bool)
            case .date: modes.append(.date)
            }
        }
        return true
    }
}
