import Tabular
import Testing

@Suite struct CalendarDateTests {
    @Test("parses ISO dates and prints them back")
    func roundTrip() throws {
        for text in ["1970-01-01", "2012-12-26", "2013-02-28", "2000-02-29", "1899-12-31"] {
            let date = try #require(CalendarDate(iso: text))
            #expect(date.description == text)
        }
        #expect(CalendarDate(iso: "1970-01-02")?.daysSinceEpoch == 1)
    }

    @Test("refuses days that do not exist")
    func impossibleDays() {
        for text in ["2013-02-30", "2013-02-29", "1900-02-29", "2013-13-01", "2013-00-10", "2013-1-01", "x"] {
            #expect(CalendarDate(iso: text) == nil, "\(text)")
        }
    }
}
