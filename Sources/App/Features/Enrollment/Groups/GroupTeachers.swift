import Domain
import Fluent
import Vapor

/// `GroupTeacherRule` over the registry: asked the same way by every path that gives a group or a lesson its teacher —
/// the group form (a centre's head, the КМЦ), `PUT /api/v1/groups/{id}/teacher` and a lesson's substitute — and by
/// the forms' lists of whom to choose from.
enum GroupTeachers {
    /// A group's place as the rule needs it: its programme and the programme's centre.
    struct Place: Hashable, Sendable {
        var programID: UUID
        var centerID: UUID
    }

    /// Why the person may not teach a group at `place`; nil when they may.
    static func refusal(_ staffID: UUID, at place: Place, municipalityID: UUID, on db: any Database) async throws
        -> GroupTeacherRule.Refusal?
    {
        guard let staff = try await StaffMember.find(staffID, on: db), staff.$municipality.id == municipalityID else {
            return GroupTeacherRule.refusal(nil, centerID: place.centerID, programID: place.programID)
        }
        let orgs = try await StaffOrganization.query(on: db).filter(\.$staff.$id == staffID).all()
        let programs = try await ProgramTeacher.query(on: db).filter(\.$staff.$id == staffID).all()
        let candidate = GroupTeacherRule.Candidate(
            isActive: staff.status == RecordStatus.active.rawValue,
            organizationIDs: Set(orgs.map { $0.$organization.id }), programIDs: Set(programs.map { $0.$program.id }))
        return GroupTeacherRule.refusal(candidate, centerID: place.centerID, programID: place.programID)
    }

    /// The people who may teach a group at one of the places (and `keeping`, the one already chosen, so a form does
    /// not drop them), in the registry's order.
    static func eligible(at places: [Place], keeping: UUID? = nil, municipalityID: UUID, on db: any Database)
        async throws -> [StaffMember]
    {
        guard !places.isEmpty || keeping != nil else { return [] }
        let centers = Array(Set(places.map(\.centerID)))
        let programs = Array(Set(places.map(\.programID)))
        var orgsByStaff: [UUID: Set<UUID>] = [:]
        var programsByStaff: [UUID: Set<UUID>] = [:]
        if !places.isEmpty {
            for link in try await StaffOrganization.query(on: db).filter(\.$organization.$id ~~ centers).all() {
                orgsByStaff[link.$staff.id, default: []].insert(link.$organization.id)
            }
            for link in try await ProgramTeacher.query(on: db).filter(\.$program.$id ~~ programs).all() {
                programsByStaff[link.$staff.id, default: []].insert(link.$program.id)
            }
        }
        let ids = Set(orgsByStaff.keys).union(programsByStaff.keys).union(keeping.map { [$0] } ?? [])
        guard !ids.isEmpty else { return [] }
        let staff = try await StaffMember.query(on: db).filter(\.$id ~~ Array(ids))
            .filter(\.$municipality.$id == municipalityID).sort(\.$sortKey).sort(\.$id).all()
        return try staff.filter { person in
            let id = try person.requireID()
            if id == keeping { return true }
            let candidate = GroupTeacherRule.Candidate(
                isActive: person.status == RecordStatus.active.rawValue, organizationIDs: orgsByStaff[id] ?? [],
                programIDs: programsByStaff[id] ?? [])
            return places.contains {
                GroupTeacherRule.refusal(candidate, centerID: $0.centerID, programID: $0.programID) == nil
            }
        }
    }

    /// The choices of a form's teacher field.
    static func options(_ staff: [StaffMember]) throws -> [(value: String, title: String)] {
        try staff.map { (try $0.requireID().uuidString.lowercased(), $0.fullName) }
    }
}
