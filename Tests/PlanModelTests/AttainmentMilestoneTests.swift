import PlanModel
import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct AttainmentMilestoneTests {
    /// Beijing's reports on measures of each timing class: 7 (phased) reaches a phased
    /// result in Q2; 12 (completed) completes in Q3; 13 (completed) never does; 17 is
    /// never reported; 19 is delayed; 20 (long-term) misses Q3 and Q4; 8 never starts.
    static let progress = """
        period,reporter,reporter_kind,measure,status,metric,value,reported_on
        2013Q1,110000,province,7,in_progress,,,2013-04-10
        2013Q2,110000,province,7,phased_result,,,2013-07-10
        2013Q1,110000,province,12,in_progress,,,2013-04-10
        2013Q2,110000,province,12,in_progress,,,2013-07-10
        2013Q3,110000,province,12,completed,,,2013-10-10
        2013Q1,110000,province,13,in_progress,,,2013-04-10
        2013Q2,110000,province,13,in_progress,,,2013-07-10
        2013Q3,110000,province,13,in_progress,,,2013-10-10
        2013Q4,110000,province,13,in_progress,,,2014-01-10
        2013Q1,110000,province,19,delayed,,,2013-04-10
        2013Q2,110000,province,19,delayed,,,2013-07-10
        2013Q1,110000,province,20,in_progress,,,2013-04-10
        2013Q2,110000,province,20,in_progress,,,2013-07-16
        2013Q1,110000,province,8,not_started,,,2013-04-10
        2013Q2,110000,province,8,not_started,,,2013-07-10

        """

    static func milestones(
        _ period: String, reporter: String? = "110000", measure: Int64? = nil,
        dueDays: Int? = nil
    ) throws -> String {
        let items = [7, 8, 12, 13, 17, 19, 20].map {
            "110000,\($0),Objective,2013-01-01,2013-12-31,IP office,10,,Districts"
        }
        let calculator = try MilestoneCalculator(
            measures: try AssessmentFixtures.catalog("measures"),
            progress: try AssessmentFixtures.table(progress, AssessmentFixtures.progress),
            responsibilities: try AssessmentFixtures.catalog("responsibilities"),
            planItems: try AssessmentFixtures.table(
                AssessmentFixtures.header(AssessmentFixtures.planItems) + "\n"
                    + items.joined(separator: "\n") + "\n", AssessmentFixtures.planItems),
            targets: try AssessmentFixtures.catalog("targets"), reportDueDays: dueDays)
        var table = try calculator.table(period: ReportingPeriod(period)!)
        if let reporter { table = try table.filter(equals: [("reporter", [.string(reporter)])]) }
        if let measure { table = try table.filter(equals: [("measure", [.int(measure)])]) }
        return render(table, as: .csv)
    }

    static let header =
        "measure,timing,reporter,reporter_kind,period,reports_expected,reports_received,reports_late,latest_status,"
        + "score,status,rag\n"

    @Test("in the first quarter, work under way is on track and work not started is constrained")
    func firstQuarter() throws {
        assertEqualText(
            try Self.milestones("2013Q1"),
            Self.header
                + "7,phased,110000,province,2013Q1,1,1,,in_progress,0.5,on_track,green\n"
                + "8,phased,110000,province,2013Q1,1,1,,not_started,0,constrained,amber\n"
                + "12,completed,110000,province,2013Q1,1,1,,in_progress,0.5,on_track,green\n"
                + "13,completed,110000,province,2013Q1,1,1,,in_progress,0.5,on_track,green\n"
                + "17,phased,110000,province,2013Q1,1,0,,,,no_data,grey\n"
                + "19,phased,110000,province,2013Q1,1,1,,delayed,,constrained,amber\n"
                + "20,long_term,110000,province,2013Q1,1,1,,in_progress,0.5,on_track,green\n")
    }

    @Test("at mid-year a phased result meets a phased measure and no start is no progress")
    func midYear() throws {
        assertEqualText(
            try Self.milestones("2013Q2"),
            Self.header
                + "7,phased,110000,province,2013Q2,2,2,,phased_result,0.75,met,green\n"
                + "8,phased,110000,province,2013Q2,2,2,,not_started,0,no_progress,red\n"
                + "12,completed,110000,province,2013Q2,2,2,,in_progress,0.5,on_track,green\n"
                + "13,completed,110000,province,2013Q2,2,2,,in_progress,0.5,on_track,green\n"
                + "17,phased,110000,province,2013Q2,2,0,,,,no_data,grey\n"
                + "19,phased,110000,province,2013Q2,2,2,,delayed,,constrained,amber\n"
                + "20,long_term,110000,province,2013Q2,2,2,,in_progress,0.5,on_track,green\n")
    }

    @Test(
        "in Q3 work behind the elapsed share is constrained and a missed report holds back long-term work"
    )
    func thirdQuarter() throws {
        assertEqualText(
            try Self.milestones("2013Q3"),
            Self.header
                + "7,phased,110000,province,2013Q3,3,2,,phased_result,0.75,met,green\n"
                + "8,phased,110000,province,2013Q3,3,2,,not_started,0,no_progress,red\n"
                + "12,completed,110000,province,2013Q3,3,3,,completed,1,met,green\n"
                + "13,completed,110000,province,2013Q3,3,3,,in_progress,0.5,constrained,amber\n"
                + "17,phased,110000,province,2013Q3,3,0,,,,no_data,grey\n"
                + "19,phased,110000,province,2013Q3,3,2,,delayed,,constrained,amber\n"
                + "20,long_term,110000,province,2013Q3,3,2,,in_progress,0.5,constrained,amber\n")
    }

    @Test("at the year's end work not completed or without a phased result is not met")
    func yearEnd() throws {
        assertEqualText(
            try Self.milestones("2013Q4"),
            Self.header
                + "7,phased,110000,province,2013Q4,4,2,,phased_result,0.75,met,green\n"
                + "8,phased,110000,province,2013Q4,4,2,,not_started,0,not_met,red\n"
                + "12,completed,110000,province,2013Q4,4,3,,completed,1,met,green\n"
                + "13,completed,110000,province,2013Q4,4,4,,in_progress,0.5,not_met,red\n"
                + "17,phased,110000,province,2013Q4,4,0,,,,no_data,grey\n"
                + "19,phased,110000,province,2013Q4,4,2,,delayed,,not_met,red\n"
                + "20,long_term,110000,province,2013Q4,4,2,,in_progress,0.5,constrained,amber\n")
    }

    @Test("expects a report from each lead department as well as each province with the measure")
    func expectedReporters() throws {
        assertEqualText(
            try Self.milestones("2013Q2", reporter: nil, measure: 12),
            Self.header
                + "12,completed,patent_administration,department,2013Q2,2,0,,,,no_data,grey\n"
                + "12,completed,110000,province,2013Q2,2,2,,in_progress,0.5,on_track,green\n")
    }

    @Test("counts the quarters first reported after the due days")
    func lateReports() throws {
        assertEqualText(
            try Self.milestones("2013Q2", measure: 20, dueDays: 15),
            Self.header
                + "20,long_term,110000,province,2013Q2,2,2,1,in_progress,0.5,on_track,green\n")
        assertEqualText(
            try Self.milestones("2013Q2", measure: 20, dueDays: 16),
            Self.header
                + "20,long_term,110000,province,2013Q2,2,2,0,in_progress,0.5,on_track,green\n")
    }

    @Test("leaves out measures that have a numeric target")
    func targetedMeasures() throws {
        let output = try Self.milestones("2013Q2", reporter: nil)
        let measures = Set(
            output.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } })
        #expect(measures.isDisjoint(with: ["16", "23", "25", "26", "27", "32", "42"]))
        #expect(measures.contains("1"))
    }
}
