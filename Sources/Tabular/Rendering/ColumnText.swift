/// Column-wise conversion of values to text, shared by the renderers.
///
/// Each function switches on the column's storage once and then loops over
/// rows, so no value is boxed in a `Cell` on the way.
enum ColumnText {
    /// The text of each row in `rows`, `nil` for null: integers in full, doubles
    /// through `Cell.format`, dates as `YYYY-MM-DD`, strings as they are.
    static func plain(_ column: Column, rows: some Collection<Int>) -> [String?] {
        let validity = column.validity
        switch column.storage {
        case .int64(let values):
            return rows.map { validity.isValid($0) ? String(values[$0]) : nil }
        case .double(let values):
            return rows.map { validity.isValid($0) ? Cell.format(values[$0]) : nil }
        case .string(let values):
            return rows.map { validity.isValid($0) ? values[$0] : nil }
        case .bool(let values):
            return rows.map { validity.isValid($0) ? (values[$0] ? "true" : "false") : nil }
        case .date(let values):
            return rows.map { validity.isValid($0) ? values[$0].description : nil }
        }
    }

    /// A non-negative `count` with commas between groups of three digits ("1,204"),
    /// whatever the locale: footers only, never values.
    static func grouped(_ count: Int) -> String {
        let digits = Array(String(max(0, count)))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
