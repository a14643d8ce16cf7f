import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Builders of the registry's records (named students and their guardians, subjects, rooms, staff, agreements, years)
/// for the suites of Students, Registry, Accounts and Programs. Every name is made up.
extension World {
    /// A past academic year «2019/2020» of the municipality.
    func pastYear() async throws -> AcademicYear {
        let past = AcademicYear(
            municipalityID: municipalityID, title: "2019/2020", startsOn: Date(timeIntervalSince1970: 1_567_296_000),
            endsOn: Date(timeIntervalSince1970: 1_598_832_000), isCurrent: false)
        try await past.create(on: app.db)
        return past
    }
}
