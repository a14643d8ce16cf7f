import Domain
import Fluent
import Foundation
import Views

/// The analytic notes of a generated network (issue 22, item 7), drafted once its rows are in the database — from the
/// figures Setka counts, as a centre's head would draft them: every other centre of the current year has one, its
/// conclusions written.
extension NetworkGenerator {
    static func draftNotes(_ db: any Database, today: CivilDay, zone: TimeZone) async throws -> Int {
        let centers = try await ResourceCenter.query(on: db)
            .join(AcademicYear.self, on: \ResourceCenter.$academicYear.$id == \AcademicYear.$id)
            .filter(AcademicYear.self, \.$isCurrent == true).filter(\.$status == RecordStatus.active.rawValue)
            .join(Organization.self, on: \ResourceCenter.$organization.$id == \Organization.$id)
            .sort(Organization.self, \.$sortKey).sort(\.$id)
            .with(\.$organization).with(\.$academicYear).all()
        var drafted = 0
        for (number, center) in centers.enumerated() where number % 2 == 0 {
            let figures = try await AnalyticFiguresSource.figures(center, today: today, zone: zone, on: db)
            let startYear = CivilDay(center.academicYear.startsOn, timeZone: zone).ymd.year
            var texts = AnalyticNoteWords.draft(
                figures, center: center.organization.shortName, startYear: startYear, asOf: today.formatted)
            texts[AnalyticNoteSection.conclusions.rawValue] =
                "Центр работает по программе; предложения — расширить набор и провести семинар для учителей."
            let note = AnalyticNote()
            note.$municipality.id = center.organization.$municipality.id
            note.$organization.id = center.$organization.id
            note.$center.id = try center.requireID()
            note.sections = Report.encode(texts)
            note.figures = AnalyticNote.encode(figures)
            note.countedAt = today.date(timeZone: zone)
            let at = today.date(timeZone: zone)
            (note.createdBy, note.createdAt, note.updatedBy, note.updatedAt, note.version) =
                ("admin", at, "admin", at, 1)
            try await note.create(on: db)
            drafted += 1
        }
        return drafted
    }
}
