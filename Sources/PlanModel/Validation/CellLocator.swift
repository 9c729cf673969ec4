import Foundation

/// The line and column of each cell of a CSV file, for messages about values
/// the reader accepted but the workspace's rules do not (keys, references,
/// allowed values).
///
/// Tabular's reader keeps no positions for rows it accepts, so this scans the
/// file again, only when a problem needs a place. It follows the reader's
/// rules: RFC 4180 quoting, LF, CRLF or CR line endings, a UTF-8 byte order
/// mark skipped, blank lines skipped when the header has more than one field;
/// a cell's column is that of its first character (its opening quote, if any).
struct CellLocator {
    private let bytes: [UInt8]
    /// Where each data row's record starts: byte offset and line.
    private var rows: [(offset: Int, line: Int)] = []
    /// Where the header starts (after a byte order mark).
    private var headerOffset = 0
    private static let lf: UInt8 = 10, cr: UInt8 = 13, quote: UInt8 = 34, comma: UInt8 = 44

    /// Scans the file at `path`; `nil` when it cannot be read.
    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(bytes: [UInt8](data))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        headerOffset = offset
        guard offset < bytes.count else { return }
        let header = record(at: offset, line: line)
        let width = header.fields.count
        (offset, line) = (header.next, header.nextLine)
        while offset < bytes.count {
            let scanned = record(at: offset, line: line)
            let blank = bytes[offset] == Self.lf || bytes[offset] == Self.cr
            if !(blank && width > 1) { rows.append((offset, line)) }
            (offset, line) = (scanned.next, scanned.nextLine)
        }
    }

    /// The line and column (characters, from 1) of field `field` of data row `row`.
    func position(row: Int, field: Int) -> (line: Int, column: Int) {
        guard row < rows.count else { return (rows.last?.line ?? 1, 1) }
        return position(record: rows[row], field: field)
    }

    /// The line and column of header field `field`.
    func headerPosition(field: Int) -> (line: Int, column: Int) {
        position(record: (headerOffset, 1), field: field)
    }

    private func position(record start: (offset: Int, line: Int), field: Int) -> (
        line: Int, column: Int
    ) {
        let scanned = record(at: start.offset, line: start.line)
        let origin = field < scanned.fields.count ? scanned.fields[field] : start.offset
        var line = start.line
        var lineStart = start.offset
        var i = start.offset
        while i < origin {
            if bytes[i] == Self.lf
                || (bytes[i] == Self.cr && (i + 1 >= bytes.count || bytes[i + 1] != Self.lf))
            {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        let column = bytes[lineStart..<origin].reduce(1) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return (line, column)
    }

    /// The field origins of the record at `offset`, and where the next record starts.
    private func record(at offset: Int, line: Int) -> (fields: [Int], next: Int, nextLine: Int) {
        var fields = [offset]
        var i = offset
        var line = line
        var quoted = false
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == Self.quote {
                    if i + 1 < bytes.count, bytes[i + 1] == Self.quote {
                        i += 1
                    } else {
                        quoted = false
                    }
                } else if byte == Self.lf
                    || (byte == Self.cr && (i + 1 >= bytes.count || bytes[i + 1] != Self.lf))
                {
                    line += 1
                }
            } else if byte == Self.quote {
                quoted = true
            } else if byte == Self.comma {
                fields.append(i + 1)
            } else if byte == Self.lf || byte == Self.cr {
                let next =
                    byte == Self.cr && i + 1 < bytes.count && bytes[i + 1] == Self.lf
                    ? i + 2 : i + 1
                return (fields, next, line + 1)
            }
            i += 1
        }
        return (fields, bytes.count, line + 1)
    }
}
