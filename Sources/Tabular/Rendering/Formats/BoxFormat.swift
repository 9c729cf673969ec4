/// Draws a table in a Unicode box, column types under the names, in the manner
/// of DuckDB's box renderer:
///
/// ```text
/// ┌──────────┬───────┐
/// │ province │ plans │
/// │  string  │  int  │
/// ├──────────┼───────┤
/// │ 北京     │     3 │
/// │ NULL     │    12 │
/// └──────────┴───────┘
/// ```
///
/// Names and types are centred, numbers right-aligned, other values
/// left-aligned, every width in terminal columns (``DisplayWidth``). Control
/// characters inside values are escaped, so a newline cannot break a row.
/// Which rows and columns appear is decided by ``BoxLayout``.
struct BoxFormat {
    let options: RenderOptions

    /// The ANSI styles a box may use; plain text when colour is off.
    private enum Style: String {
        case plain = ""
        case name = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
    }

    private enum Alignment { case left, centre, right }

    func write<Target: TextOutputStream>(_ table: Table, to target: inout Target) {
        if let title = options.title {
            target.write(DisplayWidth.escapingControls(title) + "\n")
        }
        let layout = BoxLayout(table, options: options)
        let slots = layout.slots
        if !slots.isEmpty {
            target.write(border("┌", "┬", "┐", slots))
            target.write(line(slots) { ($0.name, .centre, .name) })
            target.write(line(slots) { ($0.typeName, .centre, .dim) })
            let shownRows = slots.first { !$0.isGap }?.cells.count ?? 0
            if shownRows > 0 || layout.rowsElided {
                target.write(border("├", "┼", "┤", slots))
            }
            let nullText = DisplayWidth.escapingControls(options.nullText ?? "NULL")
            for row in 0..<shownRows {
                if layout.rowsElided && row == layout.topRowCount {
                    target.write(ellipsisRow(slots))
                }
                target.write(
                    line(slots) { slot in
                        if slot.isGap { return ("…", .left, .plain) }
                        guard let text = slot.cells[row] else {
                            return (nullText, slot.rightAligned ? .right : .left, .dim)
                        }
                        return (text, slot.rightAligned ? .right : .left, .plain)
                    })
            }
            if layout.rowsElided && layout.topRowCount == shownRows {
                target.write(ellipsisRow(slots))
            }
            target.write(border("└", "┴", "┘", slots))
        }
        if let footer = layout.footer { target.write(footer + "\n") }
    }

    /// A horizontal rule: `left`, a run of "─" per column joined by `join`, `right`.
    private func border(_ left: String, _ join: String, _ right: String, _ slots: [BoxLayout.Slot])
        -> String
    {
        let runs = slots.map { String(repeating: "─", count: $0.width + 2) }
        return left + runs.joined(separator: join) + right + "\n"
    }

    /// The row standing for hidden rows: "…" in every column, aligned as its values.
    private func ellipsisRow(_ slots: [BoxLayout.Slot]) -> String {
        line(slots) { ("…", $0.rightAligned ? .right : .left, .plain) }
    }

    /// One line of the box, each column's text cut to its width, padded and styled.
    private func line(
        _ slots: [BoxLayout.Slot], _ content: (BoxLayout.Slot) -> (String, Alignment, Style)
    ) -> String {
        var result = "│"
        for slot in slots {
            let (raw, alignment, style) = content(slot)
            let text = DisplayWidth.truncating(raw, toWidth: slot.width)
            let padding = slot.width - DisplayWidth.measure(text)
            let left: Int
            switch alignment {
            case .left: left = 0
            case .right: left = padding
            case .centre: left = padding / 2
            }
            result += String(repeating: " ", count: left + 1)
            if options.colour && style != .plain && !text.isEmpty {
                result += style.rawValue + text + "\u{1B}[0m"
            } else {
                result += text
            }
            result += String(repeating: " ", count: padding - left + 1) + "│"
        }
        return result + "\n"
    }
}
