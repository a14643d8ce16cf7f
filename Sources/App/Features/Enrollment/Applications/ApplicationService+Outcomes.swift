import Domain
import Fluent
import Vapor

extension ApplicationService {
    /// What became of each choice of some applications, in their order: a fixed number of statements whatever the
    /// applications — their choices with the groups, the places of the choices still waiting, and those places'
    /// positions (`EnrollmentService.waitingPlaces`). A waiting place since moved up is «enrolled», one given up
    /// «released».
    static func outcomes(of applications: [CourseApplication], on db: any Database) async throws -> [Outcome] {
        let ids = try applications.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let choices = try await ApplicationChoice.query(on: db).filter(\.$application.$id ~~ ids).with(\.$group)
            .sort(\.$rank).all()
        let student = Dictionary(
            try applications.map { (try $0.requireID(), $0.$student.id) }, uniquingKeysWith: { a, _ in a })
        let waiting = choices.filter { $0.outcome == "waitlisted" }
        struct Place: Hashable {
            var student: UUID
            var group: UUID
        }
        var places: [Place: Enrollment] = [:]
        if !waiting.isEmpty {
            let found = try await Enrollment.query(on: db)
                .filter(\.$student.$id ~~ Array(Set(waiting.compactMap { student[$0.$application.id] })))
                .filter(\.$group.$id ~~ Array(Set(waiting.map { $0.$group.id }))).all()
            for enrollment in found {
                let place = Place(student: enrollment.$student.id, group: enrollment.$group.id)
                if places[place] == nil { places[place] = enrollment }
            }
        }
        let positions = try await EnrollmentService.waitingPlaces(of: Array(places.values), on: db)
        let byApplication = Dictionary(grouping: choices, by: \.$application.id)
        return try applications.map { application in
            let out = try (byApplication[try application.requireID()] ?? []).map { choice in
                var status = choice.outcome
                var position: Int?
                if status == "waitlisted",
                    let enrollment = places[Place(student: application.$student.id, group: choice.$group.id)]
                {
                    position = try positions[enrollment.requireID()]
                    if position == nil { status = "enrolled" }  // moved up since
                    if enrollment.status == EnrollmentStatus.withdrawn.rawValue { status = "released" }
                }
                return ChoiceOutcome(
                    groupId: choice.$group.id, groupName: choice.group.name, status: status, position: position)
            }
            return Outcome(
                applicationID: try application.requireID(), state: application.applicationState, choices: out)
        }
    }
}

extension EnrollmentService {
    /// The waiting-list positions of those of `enrollments` still waiting, by enrollment, in one statement: 1 + the
    /// number still waiting in the same group who joined earlier (as `position` counts).
    static func waitingPlaces(of enrollments: [Enrollment], on db: any Database) async throws -> [UUID: Int] {
        let waiting = enrollments.filter { $0.status == EnrollmentStatus.waitlisted.rawValue && $0.waitlistSeq != nil }
        guard !waiting.isEmpty else { return [:] }
        let queues = try await Enrollment.query(on: db).filter(\.$group.$id ~~ Array(Set(waiting.map { $0.$group.id })))
            .filter(\.$status == EnrollmentStatus.waitlisted.rawValue).all()
        let seqs = Dictionary(grouping: queues, by: \.$group.id).mapValues { $0.compactMap(\.waitlistSeq) }
        var positions: [UUID: Int] = [:]
        for enrollment in waiting {
            guard let seq = enrollment.waitlistSeq else { continue }
            positions[try enrollment.requireID()] = 1 + (seqs[enrollment.$group.id] ?? []).filter { $0 < seq }.count
        }
        return positions
    }
}
