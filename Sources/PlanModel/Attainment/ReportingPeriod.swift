import Tabular

/// A quarter of a plan year, written as progress reports write it (`2013Q3`).
///
/// For example:
/// ```swift
/// let period = ReportingPeriod("2013Q3")!
/// period.elapsedShare   // 0.75
/// period.end            // 2013-09-30
/// ```
public struct ReportingPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year.
    public let year: Int
    /// The quarter, 1 to 4.
    public let quarter: Int

    /// The period of `year` and `quarter`, or `nil` unless the quarter is 1 to 4.
    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Parses `YYYYQn`, or returns `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1,
            parts[0].allSatisfy(\.isASCII), let year = Int(parts[0]), let quarter = Int(parts[1])
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// The share of the year elapsed at the period's end: 0.25, 0.5, 0.75 or 1, the
    /// time-elapsed benchmark for progress during the year.
    public var elapsedShare: Double { Double(quarter) / 4 }

    /// Whether the period closes the year, when targets are judged as met or not.
    public var isYearEnd: Bool { quarter == 4 }

    /// The last day of the quarter.
    public var end: CalendarDate {
        let month = quarter * 3
        return CalendarDate(
            year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month))!
    }

    /// `2013Q3`.
    public var description: String { "\(year)Q\(quarter)" }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }

    /// Whether `other` is a period of the same year up to and including this one.
    func includes(_ other: ReportingPeriod) -> Bool {
        other.year == year && other.quarter <= quarter
    }
}
