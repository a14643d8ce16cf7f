import Domain
import Fluent
import Foundation

/// The figures of a resource centre's academic year for its analytic note (issue 22, item 7): what the report sources
/// count over the year so far, and the hours planned, attendance, final results, the reports and the programme — a
/// fixed number of statements whatever the rows.
enum AnalyticFiguresSource {
    static func figures(_ center: ResourceCenter, today: CivilDay, zone: TimeZone, on db: any Database) async throws
        -> AnalyticFigures
    {
        let organization = center.$organization.id
        let year = center.academicYear
        let from = CivilDay(year.startsOn, timeZone: zone)
        let to = min(CivilDay(year.endsOn, timeZone: zone), today)
        let period = ReportPeriod(from: from, to: max(from, to), due: max(from, to))
        let counted = try await ReportSources.compute(
            Set(ReportSource.allCases), organization: organization, period: period, zone: zone, on: db)
        var figures = AnalyticFigures(
            groups: counted[.groups] ?? 0, studentsCovered: counted[.studentsCovered] ?? 0,
            hoursDelivered: counted[.hoursDelivered] ?? 0, certificates: counted[.certificates] ?? 0,
            achievements: counted[.achievements] ?? 0, planItemsDone: counted[.planItemsDone] ?? 0,
            planItemsOverdue: counted[.planItemsOverdue] ?? 0)
        let yearID = try year.requireID()
        // Every group of the year, archived ones too: their lessons are among the hours delivered.
        let groups = StudyGroup.query(on: db).filter(\.$organization.$id == organization)
            .filter(\.$academicYear.$id == yearID)
        // Summed here: PostgreSQL's SUM of a BIGINT column is a NUMERIC, which does not decode as an Int.
        figures.hoursPlanned = try await groups.copy().all(\.$plannedHours).reduce(0, +)
        let marks = try await AttendanceMark.query(on: db)
            .join(Lesson.self, on: \AttendanceMark.$lesson.$id == \Lesson.$id)
            .join(StudyGroup.self, on: \Lesson.$group.$id == \StudyGroup.$id)
            .filter(StudyGroup.self, \.$organization.$id == organization)
            .filter(Lesson.self, \.$day >= from.number).filter(Lesson.self, \.$day <= to.number).all(\.$status)
        figures.attendancePercent = AnalyticFigures.percent(
            marks.filter { $0 == AttendanceStatus.present.rawValue }.count, of: marks.count)
        let results = try await FinalResult.query(on: db)
            .join(StudyGroup.self, on: \FinalResult.$group.$id == \StudyGroup.$id)
            .filter(StudyGroup.self, \.$organization.$id == organization)
            .filter(StudyGroup.self, \.$academicYear.$id == yearID).all(\.$passed)
        (figures.resultsTotal, figures.resultsPassed) = (results.count, results.filter { $0 }.count)
        let reports = try await Report.query(on: db).filter(\.$organization.$id == organization)
            .join(ReportCampaign.self, on: \Report.$campaign.$id == \ReportCampaign.$id)
            // The reports whose period overlaps the year and whose day has come (the third quarter's too).
            .filter(ReportCampaign.self, \.$periodTo >= from.number)
            .filter(ReportCampaign.self, \.$periodFrom <= CivilDay(year.endsOn, timeZone: zone).number)
            .filter(ReportCampaign.self, \.$dueOn <= today.number)
            .field(\.$id).field(\.$status).field(\.$late).all()
        figures.reportsTotal = reports.count
        figures.reportsSubmitted = reports.filter { $0.reportStatus == .submitted }.count
        figures.reportsLate = reports.filter { $0.reportStatus == .submitted && $0.late }.count
        figures.programStatus = try await ActivityProgram.query(on: db).filter(\.$center.$id == center.requireID())
            .first()?.status
        return figures
    }
}
