import Domain
import Foundation

/// Users and staff of the generated network, written as the users and staff forms write them.
extension NetworkBuild {
    /// A user with one role, the shared password's hash, and the login remembered for the summary.
    func user(
        _ login: String, _ person: GeneratedPerson, role: Role, town: GeneratedTown, organization: UUID?,
        title: String, rng: inout SplitMix64
    ) async throws -> UUID {
        let account = User(username: login, fullName: person.fullName, passwordHash: plan.passwordHash)
        let id = rng.uuid()
        try await rows.add(
            "users",
            [
                .uuid(id), .text(login), .text(account.fullName), .text(account.passwordHash), .bool(account.isActive),
                .bool(account.mustChangePassword), .text(account.searchKey), .text(account.sortKey), .int(1),
                .date(moment(yearStart.adding(days: -20))),
            ])
        try await rows.add(
            "role_assignments",
            [
                .uuid(rng.uuid()), .uuid(id), .text(role.rawValue), .uuid(town.id),
                organization.map { .uuid($0) } ?? .text(nil),
                .date(nil), .date(nil),
            ])
        summary.users += 1
        summary.logins.append((login, title))
        return id
    }

    /// A member of staff of one organisation, with the keys the staff form writes.
    func staff(
        _ person: GeneratedPerson, position: String, organization: UUID, subjects: [Int], user: UUID?,
        town: GeneratedTown, rng: inout SplitMix64
    ) async throws -> UUID {
        let id = rng.uuid()
        let categories: [QualificationCategory] = [.highest, .first, .first, .conformity]
        try await rows.add(
            "staff",
            [
                .uuid(id), .uuid(town.id), .text(person.surname), .text(person.given), .text(person.patronymic),
                .text(position), .text(rng.pick(categories).rawValue), .bool(false), .text(nil), .text(nil),
                user.map { .uuid($0) } ?? .text(nil),
                .text(TextKey.search(person.surname, person.given, person.patronymic, position)),
                .text(TextKey.sort([person.surname, person.given, person.patronymic ?? ""].joined(separator: " "))),
                .text(RecordStatus.active.rawValue), .int(1),
            ])
        try await rows.add("staff_organizations", [.uuid(rng.uuid()), .uuid(id), .uuid(organization)])
        for subject in subjects {
            try await rows.add("staff_subjects", [.uuid(rng.uuid()), .uuid(id), .uuid(town.subjects[subject].id)])
        }
        return id
    }
}
