import Domain
import Fluent
import Foundation

enum AcademicYears {
    /// The first calendar year of the academic year a day belongs to: from July on, the year starting in September.
    static func startYear(containing day: CivilDay) -> Int {
        let date = day.ymd
        return date.month >= 7 ? date.year : date.year - 1
    }

    /// Makes sure the municipality has the academic year containing today (1 September – 31 May), marked current.
    @discardableResult
    static func ensureCurrent(municipalityID: UUID, zone: TimeZone, on db: any Database, now: Date = Date())
        async throws -> AcademicYear
    {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let startYear = startYear(containing: CivilDay(now, timeZone: zone))
        let title = "\(startYear)/\(startYear + 1)"
        if let existing = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
            \.$title == title
        ).first() {
            return existing
        }
        try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).set(\.$isCurrent, to: false)
            .update()
        let year = AcademicYear(
            municipalityID: municipalityID, title: title,
            startsOn: cal.date(from: DateComponents(year: startYear, month: 9, day: 1))!,
            endsOn: cal.date(from: DateComponents(year: startYear + 1, month: 5, day: 31))!, isCurrent: true)
        try await year.create(on: db)
        return year
    }
}
