import Domain
import Fluent
import Foundation
import Views

/// The analytic note in the demo (issue 22, item 7): МБОУ «Лицей № 5»'s for the current year, drafted from its figures
/// with the conclusions written; centre1's МБОУ «Гимназия № 2» has none yet, for its head to draft.
extension DemoData {
    static func loadAnalyticNotes(on db: any Database, municipalityID: UUID, year: AcademicYear, zone: TimeZone)
        async throws
    {
        let centers = try await ResourceCenter.query(on: db)
            .join(Organization.self, on: \ResourceCenter.$organization.$id == \Organization.$id)
            .filter(Organization.self, \.$municipality.$id == municipalityID)
            .filter(Organization.self, \.$shortName == "МБОУ «Лицей № 5»")
            .filter(\.$academicYear.$id == year.requireID()).with(\.$organization).with(\.$academicYear).all()
        guard let center = centers.first else { return }
        let today = CivilDay(Date(), timeZone: zone)
        let figures = try await AnalyticFiguresSource.figures(center, today: today, zone: zone, on: db)
        let startYear = CivilDay(year.startsOn, timeZone: zone).ymd.year
        var texts = AnalyticNoteWords.draft(
            figures, center: center.organization.shortName, startYear: startYear, asOf: today.formatted)
        texts[AnalyticNoteSection.conclusions.rawValue] =
            "Центр работает по согласованной программе; набор на курс химии востребован. Предложения: открыть вторую "
            + "группу для учащихся сельских школ, провести семинар для учителей химии округа."
        let note = AnalyticNote()
        note.$municipality.id = municipalityID
        note.$organization.id = center.$organization.id
        note.$center.id = try center.requireID()
        note.sections = Report.encode(texts)
        note.figures = AnalyticNote.encode(figures)
        note.countedAt = Date()
        (note.createdBy, note.createdAt, note.updatedBy, note.updatedAt, note.version) =
            ("metod", Date(), "metod", Date(), 1)
        try await note.create(on: db)
    }
}
