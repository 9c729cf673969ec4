import PlanModel
import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct AttainmentCalculatorTests {
    static let targetColumns: [(String, ColumnType)] = [
        ("target", .string), ("task", .int64), ("measure", .int64), ("metric", .string),
        ("comparator", .string), ("value", .int64), ("value_max", .int64),
        ("tolerance", .double), ("unit", .string), ("unit_count", .int64),
        ("per_unit_comparator", .string), ("flow_or_stock", .string), ("horizon", .string),
        ("qualifier", .string), ("source_text", .string),
    ]

    /// Small targets in the catalog's shape: a flow, a stock, a per-unit target with three
    /// designated units, one without designated units and one nobody reports on.
    static let targets = """
        target,task,measure,metric,comparator,value,value_max,tolerance,unit,unit_count,per_unit_comparator,\
        flow_or_stock,horizon,qualifier,source_text
        t04,8,23,patent_agents_trained,at_least,2000,,,persons,,,flow,year,,train 2000
        t03,5,16,platforms,about,20,,0.1,platforms,,,stock,year,,about 20
        t08,10,26,standard_enterprises,per_unit,30,,,enterprises,3,at_least,flow,year,,each at least 30
        t12,11,32,basic_patents,per_unit,10,,,basic_patents,2,more_than,stock,year,,over 10
        t13,15,42,pilot_bases,range,3,5,,bases,,,stock,year,,3-5

        """

    static let progress = """
        period,reporter,reporter_kind,measure,status,metric,value,reported_on
        2013Q1,110000,province,23,in_progress,patent_agents_trained,500,2013-04-10
        2013Q2,110000,province,23,in_progress,patent_agents_trained,400,2013-07-10
        2013Q2,120000,province,23,in_progress,patent_agents_trained,300,2013-07-10
        2013Q3,110000,province,23,in_progress,patent_agents_trained,900,2013-10-10
        2013Q2,110000,province,22,in_progress,patent_agents_trained,5000,2013-07-10
        2013Q1,110000,province,16,in_progress,platforms,5,2013-04-10
        2013Q2,110000,province,16,in_progress,platforms,8,2013-07-10
        2013Q1,120000,province,16,in_progress,platforms,4,2013-04-10
        2013Q4,110000,province,16,completed,platforms,14,2014-01-10
        2013Q3,120000,province,16,in_progress,platforms,5,2013-10-10
        2013Q2,110000,province,26,in_progress,standard_enterprises,20,2013-07-10
        2013Q4,110000,province,26,completed,standard_enterprises,15,2014-01-10
        2013Q4,120000,province,26,completed,standard_enterprises,12,2014-01-10
        2013Q4,140000,province,26,completed,standard_enterprises,40,2014-01-10
        2013Q2,patent_administration,department,32,in_progress,basic_patents,10,2013-07-10
        2013Q2,110000,province,32,in_progress,basic_patents,12,2013-07-10
        2013Q4,120000,province,32,completed,basic_patents,11,2014-01-10

        """

    static let units = """
        target,province
        t08,110000
        t08,120000
        t08,130000

        """

    static func calculator(tolerance: Double? = nil) throws -> AttainmentCalculator {
        try AttainmentCalculator(
            targets: TargetDefinition.all(
                in: try AssessmentFixtures.table(targets, targetColumns), tolerance: tolerance),
            progress: try AssessmentFixtures.table(progress, AssessmentFixtures.progress),
            targetUnits: try AssessmentFixtures.table(units, AssessmentFixtures.targetUnits),
            provinces: try AssessmentFixtures.catalog("provinces"))
    }

    static let header =
        "target,metric,comparator,flow_or_stock,horizon,period,expected_share,target_value,target_max,actual,rate,"
        + "status,rag,reporters,units_met,units_total,shortfall,note\n"

    @Test("sums flows and takes each reporter's latest stock, on track at mid-year")
    func midYear() throws {
        let table = try Self.calculator().table(period: ReportingPeriod("2013Q2")!)
        assertEqualText(
            render(table, as: .csv),
            Self.header
                + "t04,patent_agents_trained,at_least,flow,year,2013Q2,0.5,2000,,1200,0.6,on_track,green,2,,,,\n"
                + "t03,platforms,about,stock,year,2013Q2,0.5,20,,12,0.6,on_track,green,2,,,,\n"
                + "t08,standard_enterprises,per_unit,flow,year,2013Q2,0.5,3,,0,0,constrained,red,1,0,3,"
                + "Beijing 20; Tianjin no data; Hebei no data,\n"
                + "t12,basic_patents,per_unit,stock,year,2013Q2,0.5,2,,1,0.5,on_track,green,2,1,2,"
                + "patent_administration 10,no designated units in 'target_units': the best 2 reporters counted\n"
                + "t13,pilot_bases,range,stock,year,2013Q2,0.5,3,5,,,no_data,grey,0,,,,\n")
    }

    @Test("judges the year's end: flows through Q4, the latest stock, per-unit shortfalls")
    func yearEnd() throws {
        let table = try Self.calculator().table(period: ReportingPeriod("2013Q4")!)
        assertEqualText(
            render(table, as: .csv),
            Self.header
                + "t04,patent_agents_trained,at_least,flow,year,2013Q4,1,2000,,2100,1.05,met,green,2,,,,\n"
                + "t03,platforms,about,stock,year,2013Q4,1,20,,19,0.95,met,green,2,,,,\n"
                + "t08,standard_enterprises,per_unit,flow,year,2013Q4,1,3,,1,0.3333333333333333,not_met,red,3,1,3,"
                + "Tianjin 12; Hebei no data,\n"
                + "t12,basic_patents,per_unit,stock,year,2013Q4,1,2,,2,1,met,green,3,2,2,\"\","
                + "no designated units in 'target_units': the best 2 reporters counted\n"
                + "t13,pilot_bases,range,stock,year,2013Q4,1,3,5,,,no_data,grey,0,,,,\n")
    }

    @Test("a programme target is met once reached and otherwise not due, its rate still shown")
    func programmeHorizon() throws {
        let targets = """
            target,task,measure,metric,comparator,value,value_max,tolerance,unit,unit_count,per_unit_comparator,\
            flow_or_stock,horizon,qualifier,source_text
            t05,9,25,high_level_talents,at_least,100,,,persons,,,stock,programme,,100 talents
            t06,9,25,backbone_talents,at_least,10,,,persons,,,stock,programme,,10 talents
            t07,9,25,professionals,at_least,50,,,persons,,,stock,programme,,50 professionals
            t04,8,23,patent_agents_trained,at_least,2000,,,persons,,,flow,year,,train 2000

            """
        let progress = """
            period,reporter,reporter_kind,measure,status,metric,value,reported_on
            2013Q2,human_resources,department,25,in_progress,high_level_talents,10,2013-07-10
            2013Q4,human_resources,department,25,in_progress,high_level_talents,41,2014-01-10
            2013Q2,human_resources,department,25,in_progress,backbone_talents,12,2013-07-10
            2013Q4,110000,province,23,completed,patent_agents_trained,500,2014-01-10

            """
        let calculator = try AttainmentCalculator(
            targets: TargetDefinition.all(in: try AssessmentFixtures.table(targets, Self.targetColumns)),
            progress: try AssessmentFixtures.table(progress, AssessmentFixtures.progress),
            targetUnits: nil, provinces: nil)
        var lines: [String] = []
        for period in ["2013Q2", "2013Q4"] {
            let table = try calculator.table(period: ReportingPeriod(period)!)
            lines.append(render(try table.select(["target", "period", "actual", "rate", "status", "rag"]), as: .csv))
        }
        assertEqualText(
            lines.joined(),
            """
            target,period,actual,rate,status,rag
            t05,2013Q2,10,0.1,not_due,grey
            t06,2013Q2,12,1.2,met,green
            t07,2013Q2,,,no_data,grey
            t04,2013Q2,,,no_data,grey
            target,period,actual,rate,status,rag
            t05,2013Q4,41,0.41,not_due,grey
            t06,2013Q4,12,1.2,met,green
            t07,2013Q4,,,no_data,grey
            t04,2013Q4,500,0.25,not_met,red

            """)
    }

    @Test("a tolerance override replaces the about target's own")
    func toleranceOverride() throws {
        let table = try Self.calculator(tolerance: 0.02).table(period: ReportingPeriod("2013Q4")!)
        let row = try table.filter(equals: [("target", [.string("t03")])])
            .select(["target", "actual", "rate", "status", "rag"])
        assertEqualText(
            render(row, as: .csv), "target,actual,rate,status,rag\nt03,19,0.95,not_met,amber\n")
    }

    @Test("by reporter, each designated unit is judged against the per-unit mark")
    func byReporter() throws {
        let table = try Self.calculator().table(period: ReportingPeriod("2013Q4")!, by: .reporter)
        assertEqualText(
            render(table, as: .csv),
            "target,metric,reporter,reporter_kind,period,expected_share,target_value,actual,rate,status,rag\n"
                + "t04,patent_agents_trained,110000,province,2013Q4,1,2000,1800,0.9,,\n"
                + "t04,patent_agents_trained,120000,province,2013Q4,1,2000,300,0.15,,\n"
                + "t03,platforms,110000,province,2013Q4,1,20,14,0.7,,\n"
                + "t03,platforms,120000,province,2013Q4,1,20,5,0.25,,\n"
                + "t08,standard_enterprises,110000,province,2013Q4,1,30,35,1.1666666666666667,met,green\n"
                + "t08,standard_enterprises,120000,province,2013Q4,1,30,12,0.4,not_met,red\n"
                + "t08,standard_enterprises,130000,province,2013Q4,1,30,,,no_data,grey\n"
                + "t12,basic_patents,110000,province,2013Q4,1,10,12,1.2,met,green\n"
                + "t12,basic_patents,120000,province,2013Q4,1,10,11,1.1,met,green\n")
    }

    @Test("runs over a loaded workspace with progress and target units")
    func workspace() throws {
        let workspace = try AssessmentFixtures.workspace(adding: [
            (
                "progress", AssessmentFixtures.progress,
                "2013Q1,110000,province,23,in_progress,patent_agents_trained,2500,2013-04-10\n"
            )
        ])
        let table = try AttainmentCalculator(workspace: workspace)
            .table(period: ReportingPeriod("2013Q1")!)
        let summary = try table.select(["target", "actual", "status", "rag"])
        assertEqualText(
            render(summary, as: .csv),
            """
            target,actual,status,rag
            t01,,no_data,grey
            t02,,no_data,grey
            t03,,no_data,grey
            t04,2500,met,green
            t05,,no_data,grey
            t06,,no_data,grey
            t07,,no_data,grey
            t08,,no_data,grey
            t09,,no_data,grey
            t10,,no_data,grey
            t11,,no_data,grey
            t12,,no_data,grey
            t13,,no_data,grey

            """)
    }
}
