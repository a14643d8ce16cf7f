import Domain
import Fluent
import Vapor
import Views

/// Who is enrolled where, as each user may see it: a school its own students' places, a centre the places in its
/// groups, a student their own and a guardian their children's, the КМЦ and the administrator all of the municipality.
/// Shared by `/enrollments` and `/api/v1/enrollments`.
enum EnrollmentQueries {
    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["school", "organization", "status", "group"], sorts: ["student", "created"],
            defaultSort: "student", search: true)
    }

    /// `own`: the API also answers a student their own places and a guardian their children's (the page «Записи в
    /// группы», which links to groups, is for schools, centres and the municipality).
    static func query(_ query: ListQuery, municipalityID: UUID, own includeOwn: Bool = false, req: Request)
        async throws -> ([Enrollment], Int)
    {
        let user = try req.requireUser()
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        let everything = req.can(.read, .groupStudent(school: probe, center: probe))
        var schools: [UUID] = []
        var centers: [UUID] = []
        // A student's own places, a guardian's children's (the people linked to the account).
        let own = everything || !includeOwn ? [] : Array(user.actor.students)
        if !everything {
            for org in Set(user.actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)) {
                let ref = OrgRef(id: org, municipalityID: municipalityID)
                if req.can(.read, .groupStudent(school: ref, center: probe)) { schools.append(org) }
                if req.can(.read, .groupStudent(school: probe, center: ref)) { centers.append(org) }
            }
            guard !schools.isEmpty || !centers.isEmpty || !own.isEmpty else { throw AppError.forbidden }
        }
        var builder = Enrollment.query(on: req.db)
            .join(Student.self, on: \Enrollment.$student.$id == \Student.$id)
            .join(StudyGroup.self, on: \Enrollment.$group.$id == \StudyGroup.$id)
            .filter(Student.self, \.$municipality.$id == municipalityID)
        if !everything {
            let (schoolIDs, centerIDs) = (schools, centers)
            builder = builder.group(.or) { anyOf in
                if !schoolIDs.isEmpty { anyOf.filter(Student.self, \.$school.$id ~~ schoolIDs) }
                if !centerIDs.isEmpty { anyOf.filter(StudyGroup.self, \.$organization.$id ~~ centerIDs) }
                if !own.isEmpty { anyOf.filter(\.$student.$id ~~ own) }
            }
        }
        if let school = query.filters["school"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(Student.self, \.$school.$id == school)
        }
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(StudyGroup.self, \.$organization.$id == org)
        }
        if let group = query.filters["group"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$group.$id == group)
        }
        if let status = query.filters["status"], EnrollmentStatus(rawValue: status) != nil {
            builder = builder.filter(\.$status == status)
        } else {
            builder = builder.filter(\.$status != EnrollmentStatus.withdrawn.rawValue)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(Student.self, \.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder =
            query.sort == "created" ? builder.sort(\.$createdAt, dir) : builder.sort(Student.self, \.$sortKey, dir)
        return try await builder.sort(\.$id).with(\.$student) { $0.with(\.$school) }.with(\.$group) {
            $0.with(\.$organization).with(\.$program)
        }.paged(query)
    }
}
