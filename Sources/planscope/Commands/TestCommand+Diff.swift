/// A unified diff of two outputs, as `diff -u` prints it: `--- expected`, `+++ actual`,
/// then `@@ -a,b +c,d @@` hunks with three lines of context.
enum UnifiedDiff {
    /// Lines of context around each change.
    static let context = 3

    /// The diff of `expected` against `actual`, or "" when they are equal.
    /// - Complexity: O(n·m) in the lines left after the common head and tail are set aside.
    static func text(expected: [UInt8], actual: [UInt8]) -> String {
        let old = lines(expected), new = lines(actual)
        guard old != new else { return "" }
        let edits = script(old, new)
        var text = "--- expected\n+++ actual\n"
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .same else { index += 1; continue }
            // A hunk runs from the first change until two changes are more than 2 × context apart.
            let start = max(0, index - context)
            var end = index
            var last = index
            while end < edits.count {
                if edits[end].kind != .same { last = end }
                if end - last > 2 * context { break }
                end += 1
            }
            let stop = min(edits.count, last + context + 1)
            let hunk = edits[start..<stop]
            let oldCount = hunk.filter { $0.kind != .inserted }.count
            let newCount = hunk.filter { $0.kind != .deleted }.count
            let oldStart =
                hunk.first { $0.kind != .inserted }?.oldLine
                ?? (edits[..<start].last { $0.kind != .inserted }?.oldLine ?? 0)
            let newStart =
                hunk.first { $0.kind != .deleted }?.newLine
                ?? (edits[..<start].last { $0.kind != .deleted }?.newLine ?? 0)
            text += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                text += (edit.kind == .same ? " " : edit.kind == .deleted ? "-" : "+") + edit.line.text + "\n"
                if !edit.line.newline { text += "\\ No newline at end of file\n" }
            }
            index = stop
        }
        return text
    }

    struct Line: Equatable {
        let text: String
        /// Whether the line ended with a newline (only the last line of a file may not).
        let newline: Bool
    }

    enum Kind { case same, deleted, inserted }

    struct Edit {
        let kind: Kind
        let line: Line
        /// 1-based line numbers in each file (the one it belongs to, for a change).
        let oldLine: Int
        let newLine: Int
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var pieces = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let endsWithNewline = bytes.last == UInt8(ascii: "\n")
        if endsWithNewline || bytes.isEmpty { pieces.removeLast() }
        return pieces.enumerated().map { offset, piece in
            Line(
                text: String(decoding: piece, as: UTF8.self),
                newline: endsWithNewline || offset < pieces.count - 1)
        }
    }

    /// `diff -u` convention: "start" alone for one line, "start,count" otherwise, and the line
    /// before the hunk (0 at the top) when it is empty.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start),0"
        case 1: return "\(start)"
        default: return "\(start),\(count)"
        }
    }

    /// The edit script from a longest common subsequence of the lines between the common head and tail.
    static func script(_ old: [Line], _ new: [Line]) -> [Edit] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            tail += 1
        }
        let a = Array(old[head..<(old.count - tail)]), b = Array(new[head..<(new.count - tail)])
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        func append(_ kind: Kind, _ line: Line) {
            edits.append(Edit(kind: kind, line: line, oldLine: head + i + 1, newLine: head + j + 1))
        }
        for k in 0..<head { edits.append(Edit(kind: .same, line: old[k], oldLine: k + 1, newLine: k + 1)) }
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                append(.same, a[i]); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                append(.deleted, a[i]); i += 1
            } else {
                append(.inserted, b[j]); j += 1
            }
        }
        for k in 0..<tail {
            let o = old.count - tail + k, n = new.count - tail + k
            edits.append(Edit(kind: .same, line: old[o], oldLine: o + 1, newLine: n + 1))
        }
        return edits
    }
}
