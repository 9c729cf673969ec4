import Tabular

/// Builds a small table from the input and renders it in every format with varied options.
///
/// Byte 0 gives the column count (1–4) and bytes 1–4 each column's type; the remaining bytes
/// are consumed cell by cell. Strings mix the input's own UTF-8 (invalid sequences become
/// U+FFFD) with scalars chosen to stress display width: wide CJK, emoji with ZWJ and
/// modifiers, combining marks, zero-width and bidirectional controls, tabs, newlines and
/// ANSI escapes. Every format is rendered with elision off and on at small widths.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = ByteReader(Array(UnsafeBufferPointer(start: data, count: size)))
    let columnCount = Int(input.next() % 4) + 1
    let types = (0..<columnCount).map { _ in ColumnType.allCases[Int(input.next()) % ColumnType.allCases.count] }
    let rowCount = Int(input.next() % 12)
    let optionBytes = (0..<4).map { _ in input.next() }
    var named: [(String, Column)] = []
    for (index, type) in types.enumerated() {
        let cells = (0..<rowCount).map { _ in input.cell(type) }
        let name = index == 0 ? input.string() : "c\(index)"
        guard let column = try? Column(type: type, cells: cells) else { return 0 }
        named.append((named.contains { $0.0 == name } ? "\(name)_\(index)" : name, column))
    }
    guard let table = try? Table(named) else { return 0 }
    let widths: [Int?] = [nil, 0, 1, 2, 5, 10, 20, Int(optionBytes[0] % 80)]
    for format in RenderFormat.allCases {
        _ = render(table, as: format)
        for (offset, width) in widths.enumerated() {
            let options = RenderOptions(
                elide: true, maxRows: Int(optionBytes[1] % 6) + offset % 2, maxWidth: width,
                maxColumnWidth: Int(optionBytes[2] % 12) + 1, colour: optionBytes[3] & 1 != 0,
                nullText: optionBytes[3] & 2 != 0 ? "∅" : nil, title: optionBytes[3] & 4 != 0 ? "标题 ✓" : nil)
            _ = render(table, as: format, options: options)
        }
    }
    return 0
}

/// Reads the input front to back, giving zeros once it runs out.
private struct ByteReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// Scalars that stress width computation, picked by a byte.
    private static let awkward: [String] = [
        "漢", "字", "ｱ", "😀", "👩‍👩‍👧", "👍🏽", "🇫🇷", "e\u{301}", "\u{301}", "\u{200B}", "\u{200D}",
        "\u{202E}", "\u{FEFF}", "\t", "\n", "\r\n", "\u{1B}[31m", "\"", ",", "|", "\\", " ", "…", "\u{0}",
        "\u{7F}", "\u{85}", "\u{2028}", "ﷺ", "𒐫", "\u{E0001}", "Ａ", "a",
    ]

    mutating func string() -> String {
        let length = Int(next() % 16)
        var text = ""
        for _ in 0..<length {
            let byte = next()
            if byte & 0x80 != 0 {
                text += ByteReader.awkward[Int(byte & 0x7F) % ByteReader.awkward.count]
            } else {
                let run = (0..<Int(byte % 4) + 1).map { _ in next() }
                text += String(decoding: run, as: UTF8.self)
            }
        }
        return text
    }

    mutating func cell(_ type: ColumnType) -> Cell {
        let tag = next()
        if tag % 7 == 0 { return .null }
        switch type {
        case .int64:
            let raw = (0..<8).reduce(UInt64(0)) { value, _ in value << 8 | UInt64(next()) }
            return .int(Int64(bitPattern: tag & 1 == 0 ? raw : raw % 1000))
        case .double:
            let raw = (0..<8).reduce(UInt64(0)) { value, _ in value << 8 | UInt64(next()) }
            return .double(tag & 1 == 0 ? Double(bitPattern: raw) : Double(Int64(bitPattern: raw) % 100_000) / 7)
        case .string: return .string(string())
        case .bool: return .bool(tag & 1 != 0)
        case .date:
            let raw = Int32(
                bitPattern: UInt32(next()) << 24 | UInt32(next()) << 16 | UInt32(next()) << 8 | UInt32(next()))
            return .date(CalendarDate(daysSinceEpoch: tag & 1 == 0 ? raw : raw % 100_000))
        }
    }
}
