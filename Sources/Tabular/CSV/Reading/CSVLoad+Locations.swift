extension CSVLoad {
    /// The line, column and text of the line at `offset` in the window, which
    /// must lie in the current record.
    ///
    /// Only errors and inference notes ask, so the hot path counts nothing but
    /// line breaks; this walks the record from its start.
    func location(_ offset: Int, _ scanner: CSVScanner) -> CSVError.Location {
        locate(offset, from: scanner.recordStart, line: scanner.recordLine)
    }

    /// As ``location(_:)``, counting from `anchor`, a line start known to be on `line`.
    func locate(_ offset: Int, from anchor: Int, line: Int) -> CSVError.Location {
        let p = window.base
        var line = line
        var lineStart = anchor
        var i = anchor
        while i < offset {
            if p[i] == 10 || (p[i] == 13 && (i + 1 >= window.count || p[i + 1] != 10)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for k in lineStart..<offset where p[k] & 0xC0 != 0x80 { column += 1 }
        var lineEnd = lineStart
        while lineEnd < window.count && p[lineEnd] != 10 && p[lineEnd] != 13 { lineEnd += 1 }
        let text = String(
            decoding: UnsafeBufferPointer(start: p + lineStart, count: lineEnd - lineStart),
            as: UTF8.self)
        return CSVError.Location(source: source, line: line, column: column, lineText: text)
    }

    /// Validates the window's new bytes as UTF-8 without NUL, up to the last
    /// character boundary.
    /// - Throws: ``CSVErrors`` with the one encoding error: nothing after it can be trusted.
    func validate() throws {
        let start = validatedUpTo - window.offset
        let end = UTF8Check.safeEnd(window.base, window.count, isEOF: window.isEOF)
        guard start < end else { return }
        if let (offset, flaw) = UTF8Check.firstFlaw(window.base, from: start, to: end) {
            // The window starts at a record boundary (the pending record), whose line the scanner knows.
            let at = locate(offset, from: position, line: scanner.nextLine)
            let error: CSVError
            switch flaw {
            case .nul:
                error = CSVError.nulByte(at)
            case .invalid:
                error = CSVError.notUTF8(
                    at, byte: window.base[offset],
                    looksLikeGBK: UTF8Check.looksLikeGBK(window.base, from: offset, to: window.count))
            }
            throw CSVErrors([error])
        }
        validatedUpTo = window.offset + end
    }
}
