import Domain
import Fluent
import Foundation
import Views

/// The orders on teachers' financial support and gratitude take their teachers from the academic year's approved
/// round (issue 23, item 3: «the teaching issue's order then takes its recipients from here»): the support order names
/// the round's amounts, the gratitude order its letters; without an approved round the administrator still picks the
/// teachers from the year's list.
enum AwardOrders {
    /// One teacher named by the order, with the amount for a support order.
    struct Recipient {
        var staffID: UUID
        var amount: Int?
    }

    /// The approved round of an academic year, if there is one.
    static func approvedRound(yearID: UUID, on db: any Database) async throws -> AwardRound? {
        try await AwardRound.query(on: db).filter(\.$academicYear.$id == yearID).filter(\.$state == "approved")
            .first()
    }

    /// The teachers an order of `kind` names from the year's approved round, in the registry's order; nil when the year
    /// has no approved round or the kind takes none.
    static func recipients(kind: OrderKind, yearID: UUID, on db: any Database) async throws -> [Recipient]? {
        guard kind == .support || kind == .gratitude,
            let round = try await approvedRound(yearID: yearID, on: db)
        else { return nil }
        let lines = try await TeacherAward.query(on: db).filter(\.$round.$id == round.requireID())
            .filter(\.$kind == (kind == .support ? AwardLines.money : AwardLines.gratitude)).with(\.$staff).all()
        return lines.sorted {
            ($0.staff.sortKey, $0.$staff.id.uuidString) < ($1.staff.sortKey, $1.$staff.id.uuidString)
        }
        .map { Recipient(staffID: $0.$staff.id, amount: $0.amount) }
    }
}
