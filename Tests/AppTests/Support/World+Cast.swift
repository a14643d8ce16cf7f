import Domain
import Foundation
import Testing
import Vapor

@testable import App

/// The usual network most suites start from: a resource centre «Школа-центр № 2», a school «Школа № 1» and the users
/// the suite asks for among admin, kmc, metod, centre1, teacher1, school1, student1 and parent1.
extension World {
    /// One of the usual users, named by their username.
    enum Member: String, CaseIterable, Sendable {
        /// The authority's administrator.
        case admin
        /// The КМЦ's coordinator.
        case kmc
        /// A methodologist.
        case metod
        /// The centre's head.
        case centre1
        /// A teacher of the centre.
        case teacher1
        /// The school's administrator.
        case school1
        /// A student of the school (an account without a student record).
        case student1
        /// A parent at the school (an account without a guardian record).
        case parent1

        /// The member's role.
        var role: Role {
            switch self {
            case .admin: .authorityAdmin
            case .kmc: .coordinator
            case .metod: .methodologist
            case .centre1: .centerHead
            case .teacher1: .teacher
            case .school1: .schoolAdmin
            case .student1: .student
            case .parent1: .guardian
            }
        }
    }

    /// The centre, the school and the users of `cast(_:center:school:)`.
    struct Cast: Sendable {
        let center: UUID
        let school: UUID
        let users: [Member: UUID]

        /// The id of a member of the cast.
        func id(of member: Member) throws -> UUID {
            try #require(users[member], "\(member) is not in the cast")
        }
    }

    /// A centre and a school under the usual names (unless told otherwise) and the `members` (everyone unless told
    /// otherwise), each signing in with `World.password`: the centre's users at the centre, the school's at the school.
    @discardableResult
    func cast(
        _ members: [Member] = Member.allCases, center: String = "Школа-центр № 2", school: String = "Школа № 1"
    ) async throws -> Cast {
        let centerID = try await self.center(center)
        let schoolID = try await self.school(school)
        var users: [Member: UUID] = [:]
        for member in Member.allCases where members.contains(member) {
            let at: UUID? =
                switch member {
                case .admin, .kmc, .metod: nil
                case .centre1, .teacher1: centerID
                case .school1, .student1, .parent1: schoolID
                }
            users[member] = try await user(member.rawValue, member.role, at: at)
        }
        return Cast(center: centerID, school: schoolID, users: users)
    }
}
