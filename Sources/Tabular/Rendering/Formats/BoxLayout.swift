/// What a box shows, decided before anything is drawn: which rows, which
/// columns, how wide each is, and the footer.
///
/// The recipe follows DuckDB's box renderer: pick the rows (first and last
/// halves), turn the values into text, measure every column in display width,
/// then keep columns from both ends while they fit.
struct BoxLayout {
    /// One column of the box as drawn, or the "…" column standing for hidden ones.
    struct Slot {
        /// The header text, escaped.
        var name: String
        /// The type name shown under the header (empty for the "…" column).
        var typeName: String
        /// One entry per shown row, `nil` for null; empty for the "…" column.
        var cells: [String?]
        /// The width of the content in terminal columns, padding and borders excluded.
        var width: Int
        /// Numbers are right-aligned, everything else left-aligned.
        var rightAligned: Bool
        /// Whether this is the "…" column.
        var isGap: Bool
    }

    /// The columns as drawn, left to right.
    var slots: [Slot]
    /// How many shown rows come before the "…" row; all of them when no row is hidden.
    var topRowCount: Int
    /// Whether a "…" row stands for hidden rows.
    var rowsElided: Bool
    /// The line under the box, or `nil` when there is nothing to say.
    var footer: String?

    init(_ table: Table, options: RenderOptions) {
        let rowCount = table.rowCount
        let maxRows = max(0, options.maxRows)
        // Eliding costs a "…" row and a footer, and a footer needs a line of its
        // own: within maxRows + 3 rows, showing all of them costs no more lines.
        rowsElided = options.elide && rowCount > maxRows + 3
        topRowCount = rowsElided ? (maxRows + 1) / 2 : rowCount
        let bottomRowCount = rowsElided ? maxRows - topRowCount : 0
        let rows = Array(0..<topRowCount) + Array((rowCount - bottomRowCount)..<rowCount)

        let nullText = DisplayWidth.escapingControls(options.nullText ?? "NULL")
        let widthLimit = options.elide ? max(1, options.maxColumnWidth) : Int.max
        var all: [Slot] = []
        for (field, column) in zip(table.schema.fields, table.columns) {
            let name = DisplayWidth.escapingControls(field.name)
            let cells = ColumnText.plain(column, rows: rows).map { text in
                text.map(DisplayWidth.escapingControls)
            }
            var width = max(DisplayWidth.measure(name), DisplayWidth.measure(field.type.rawValue))
            for cell in cells { width = max(width, DisplayWidth.measure(cell ?? nullText)) }
            all.append(
                Slot(
                    name: name, typeName: field.type.rawValue, cells: cells,
                    width: min(width, widthLimit), rightAligned: field.type.isNumeric,
                    isGap: false))
        }
        slots = options.elide ? BoxLayout.fitting(all, into: options.maxWidth) : all

        let shownColumns = slots.filter { !$0.isGap }.count
        let columnsElided = shownColumns < all.count
        if rowsElided || columnsElided || rowCount == 0 {
            footer = BoxLayout.footer(
                rows: rowCount, shownRows: rowsElided ? rows.count : nil,
                columns: all.count,
                shownColumns: columnsElided ? shownColumns : nil)
        } else {
            footer = nil
        }
    }

    /// The drawn width of a box holding `slots`: each column has a space either
    /// side and a border on its left, and the box one more border on the right.
    static func boxWidth(_ slots: [Slot]) -> Int {
        slots.reduce(1) { $0 + $1.width + 3 }
    }

    /// The columns that fit in `maxWidth`, taken alternately from the left and
    /// the right end, with a "…" column between the two groups.
    ///
    /// Stops at the first column that does not fit, so the shown columns are
    /// always a prefix and a suffix of the table. When not even the first column
    /// fits, it is narrowed, so a box always shows at least one column.
    static func fitting(_ slots: [Slot], into maxWidth: Int?) -> [Slot] {
        guard let maxWidth, !slots.isEmpty, boxWidth(slots) > maxWidth else { return slots }
        if slots.count == 1 {
            var only = slots[0]
            only.width = max(1, maxWidth - 4)
            return [only]
        }
        let gap = Slot(
            name: "…", typeName: "", cells: [], width: 1, rightAligned: false,
            isGap: true)
        var budget = maxWidth - boxWidth([gap])
        var left: [Slot] = []
        var right: [Slot] = []
        var low = 0
        var high = slots.count - 1
        while low <= high {
            let candidate = left.count <= right.count ? low : high
            let cost = slots[candidate].width + 3
            guard cost <= budget else { break }
            budget -= cost
            if candidate == low {
                left.append(slots[low])
                low += 1
            } else {
                right.insert(slots[high], at: 0)
                high -= 1
            }
        }
        if left.isEmpty {
            var first = slots[0]
            first.width = max(1, budget - 3)
            left = [first]
        }
        return left + [gap] + right
    }

    /// "1,204 rows (40 shown) · 12 columns (7 shown)"; a count is followed by
    /// what is shown only when something of it is hidden.
    static func footer(rows: Int, shownRows: Int?, columns: Int, shownColumns: Int?) -> String {
        func part(_ count: Int, _ noun: String, shown: Int?) -> String {
            var text = "\(ColumnText.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
            if let shown { text += " (\(ColumnText.grouped(shown)) shown)" }
            return text
        }
        return part(rows, "row", shown: shownRows) + " · "
            + part(columns, "column", shown: shownColumns)
    }
}
