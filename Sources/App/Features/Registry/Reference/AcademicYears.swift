import Fluent
import Foundation

enum AcademicYears {
    /// Makes sure the municipality has the academic year containing today (1 September – 31 May), marked current.
    @discardableResult
    static func ensureCurrent(municipalityID: UUID, zone: TimeZone, on db: any Database, now: Date = Date())
        async throws -> AcademicYear
    {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let components = cal.dateComponents([.year, .month], from: now)
        let startYear = (components.month ?? 9) >= 7 ? (components.year ?? 2025) : (components.year ?? 2025) - 1
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
