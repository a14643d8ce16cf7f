import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Teachers' financial support (issue 23, item 3).
extension World {
    /// A draft round of the world's academic year (or `year`) with the usual rule.
    @discardableResult
    func awardRound(year: AcademicYear? = nil, budget: Int = 111_000) async throws -> AwardRound {
        let round = AwardRound()
        round.$municipality.id = municipalityID
        round.$academicYear.id = try (year ?? self.year).requireID()
        round.budget = budget
        round.minimumYears = 3
        round.amountMin = 5_000
        round.amountMax = 30_000
        round.state = "draft"
        try await insertActive(round)
        return round
    }
}
