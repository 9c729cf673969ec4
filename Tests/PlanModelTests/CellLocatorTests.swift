import Testing

@testable import PlanModel

/// Cell positions agree with the CSV reader's records, whatever the quoting and line endings.
@Suite struct CellLocatorTests {
    @Test("counts lines inside quoted fields and columns in characters")
    func quotedLineBreaks() {
        let text = "a,b,c\n1,\"two\nlines\",天地x\n2,\"say \"\"hi\"\"\",z\n"
        let locator = CellLocator(bytes: Array(text.utf8))
        #expect(locator.position(row: 0, field: 1) == (2, 3))
        #expect(locator.position(row: 0, field: 2) == (3, 8))
        #expect(locator.position(row: 1, field: 0) == (4, 1))
        #expect(locator.position(row: 1, field: 2) == (4, 16))
    }

    @Test("skips a byte order mark and blank lines, and takes CRLF and CR line ends")
    func lineEnds() {
        let text = "\u{FEFF}a,b\r\n\r\n1,x\r2,y\r\n"
        let locator = CellLocator(bytes: Array(text.utf8))
        #expect(locator.headerPosition(field: 1) == (1, 3))
        #expect(locator.position(row: 0, field: 1) == (3, 3))
        #expect(locator.position(row: 1, field: 0) == (4, 1))
    }
}
