import PlanModel
import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct AttainmentFormTests {
    /// One line per case: form, actual, elapsed share, then rate, status and colour.
    static func judged(_ cases: [(String, TargetForm, Double?, Double)]) -> String {
        cases.map { name, form, actual, share in
            let result = form.evaluate(actual: actual, expectedShare: share)
            return [
                name, actual.map(Cell.format) ?? "-", Cell.format(share),
                result.rate.map(Cell.format) ?? "-", result.status.rawValue, result.rag.rawValue,
            ].joined(separator: " ")
        }.joined(separator: "\n")
    }

    @Test("at least N is met at N and beyond, amber from 70 % of N, red below")
    func atLeast() {
        assertEqualText(
            Self.judged([
                ("at_least", .atLeast(2000), 2000, 1), ("at_least", .atLeast(2000), 2600, 1),
                ("at_least", .atLeast(2000), 1500, 1), ("at_least", .atLeast(2000), 1000, 1),
            ]),
            """
            at_least 2000 1 1 met green
            at_least 2600 1 1.3 met green
            at_least 1500 1 0.75 not_met amber
            at_least 1000 1 0.5 not_met red
            """)
    }

    @Test("about N is met within the tolerance below N and exceeded above it")
    func about() {
        let about = TargetForm.about(20, tolerance: 0.1)
        assertEqualText(
            Self.judged([
                ("about", about, 17, 1), ("about", about, 18, 1), ("about", about, 22, 1),
                ("about", about, 23, 1), ("about_5%", .about(20, tolerance: 0.05), 18, 1),
            ]),
            """
            about 17 1 0.85 not_met amber
            about 18 1 0.9 met green
            about 22 1 1.1 met green
            about 23 1 1.15 exceeded green
            about_5% 18 1 0.9 not_met amber
            """)
    }

    @Test("more than N is strict: N itself is not met")
    func moreThan() {
        assertEqualText(
            Self.judged([
                ("more_than", .moreThan(10), 10, 1), ("more_than", .moreThan(10), 11, 1),
            ]),
            """
            more_than 10 1 1 not_met amber
            more_than 11 1 1.1 met green
            """)
    }

    @Test("at most N is a cap: met up to N, on track during the year until broken")
    func atMost() {
        assertEqualText(
            Self.judged([
                ("at_most", .atMost(5), 5, 1), ("at_most", .atMost(5), 10, 1),
                ("at_most", .atMost(5), 4, 0.5), ("at_most", .atMost(5), 6, 0.5),
            ]),
            """
            at_most 5 1 1 met green
            at_most 10 1 0.5 not_met red
            at_most 4 0.5 1 on_track green
            at_most 6 0.5 0.8333333333333334 not_met amber
            """)
    }

    @Test("a range is met inside, short below and above range (still met) above")
    func range() {
        assertEqualText(
            Self.judged([
                ("range", .range(3, 5), 2, 1), ("range", .range(3, 5), 3, 1),
                ("range", .range(3, 5), 5, 1), ("range", .range(3, 5), 6, 1),
            ]),
            """
            range 2 1 0.6666666666666666 not_met red
            range 3 1 1 met green
            range 5 1 1 met green
            range 6 1 1 above_range green
            """)
    }

    @Test("a per-unit target counts the units that met their mark against the unit count")
    func perUnit() {
        let form = TargetForm.perUnit(count: 15, each: .atLeast(30))
        assertEqualText(
            Self.judged([("per_unit", form, 15, 1), ("per_unit", form, 12, 1)]),
            """
            per_unit 15 1 1 met green
            per_unit 12 1 0.8 not_met amber
            """)
    }

    @Test("during the year progress is compared with the elapsed share of the year")
    func onTrack() {
        let form = TargetForm.atLeast(2000)
        assertEqualText(
            Self.judged([
                ("Q1", form, 500, 0.25), ("Q2", form, 1000, 0.5), ("Q2", form, 900, 0.5),
                ("Q2", form, 500, 0.5), ("Q3", form, 0, 0.75), ("Q3", form, 2100, 0.75),
                ("about_Q2", .about(20, tolerance: 0.1), 9, 0.5),
                ("about_Q2", .about(20, tolerance: 0.1), 8, 0.5),
            ]),
            """
            Q1 500 0.25 0.25 on_track green
            Q2 1000 0.5 0.5 on_track green
            Q2 900 0.5 0.45 constrained amber
            Q2 500 0.5 0.25 constrained red
            Q3 0 0.75 0 no_progress red
            Q3 2100 0.75 1.05 met green
            about_Q2 9 0.5 0.45 on_track green
            about_Q2 8 0.5 0.4 constrained amber
            """)
    }

    @Test("no actual is no data, grey, whatever the form")
    func noData() {
        assertEqualText(
            Self.judged([
                ("at_least", .atLeast(1), nil, 1), ("range", .range(3, 5), nil, 0.5),
            ]),
            """
            at_least - 1 - no_data grey
            range - 0.5 - no_data grey
            """)
    }

    @Test("as a programme's, a shortfall of any kind is not due and reached stays reached")
    func programme() {
        let cases: [(String, TargetForm, Double?, Double)] = [
            ("at_least", .atLeast(100), 41, 1), ("at_least", .atLeast(100), 20, 0.5),
            ("at_least", .atLeast(100), 60, 0.5),
            ("at_least", .atLeast(100), 0, 0.5), ("about", .about(20, tolerance: 0.1), 23, 1),
            ("range", .range(3, 5), 6, 1), ("at_least", .atLeast(10), 12, 1),
            ("at_least", .atLeast(100), nil, 1),
        ]
        let lines = cases.map { name, form, actual, share in
            let result = form.evaluate(actual: actual, expectedShare: share).forProgramme()
            let plain = form.evaluate(actual: actual, expectedShare: share).status.rawValue
            return
                "\(name) \(plain) -> \(result.rate.map(Cell.format) ?? "-") \(result.status.rawValue) \(result.rag.rawValue)"
        }
        assertEqualText(
            lines.joined(separator: "\n"),
            """
            at_least not_met -> 0.41 not_due grey
            at_least constrained -> 0.2 not_due grey
            at_least on_track -> 0.6 not_due grey
            at_least no_progress -> 0 not_due grey
            about exceeded -> 1.15 exceeded green
            range above_range -> 1 above_range green
            at_least met -> 1.2 met green
            at_least no_data -> - no_data grey
            """)
    }

    @Test("parses periods YYYYQn and their elapsed share, rejecting anything else")
    func periods() {
        let parsed = ["2013Q1", "2013Q2", "2013Q3", "2013Q4"].compactMap(ReportingPeriod.init)
        #expect(parsed.map(\.elapsedShare) == [0.25, 0.5, 0.75, 1])
        #expect(
            parsed.map(\.end.description) == [
                "2013-03-31", "2013-06-30", "2013-09-30", "2013-12-31",
            ])
        #expect(
            ["2013Q5", "2013Q0", "2013", "13Q1", "2013q1", "2013Q1 "].compactMap(
                ReportingPeriod.init
            ).isEmpty)
    }
}
