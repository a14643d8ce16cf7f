import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// КМЦ lists (issue 3, «Enrolment, three ways»): the coordinator sends a list for a group; the centre accepts it and
/// every student of it gets a place at once — or, if the free places do not suffice, nobody does and the shortfall is
/// named.
enum EnrollmentListService {
    struct Check: Sendable {
        /// Students of the list without a place in the group (waiting ones included): each needs a free place.
        var needing: [Student]
        /// Already enrolled in the group: nothing to do for them.
        var seated: [Student]
        /// Students who cannot be enrolled at all (left the registry, consent withdrawn).
        var problems: [String]
    }

    static func check(_ list: EnrollmentList, req: Request?, on db: any Database) async throws -> Check {
        let items = try await EnrollmentListItem.query(on: db).filter(try \.$list.$id == list.requireID()).with(
            \.$student
        ).all()
        let places = try await Enrollment.query(on: db).filter(\.$group.$id == list.$group.id)
            .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all()
        let seatedIDs = Set(places.map { $0.$student.id })
        var check = Check(needing: [], seated: [], problems: [])
        let clashes = try await EnrollmentService.timetableClashes(
            studentIDs: items.map { $0.$student.id }.filter { !seatedIDs.contains($0) },
            groupID: list.$group.id, on: db)
        for student in items.map(\.student).sorted(by: { $0.sortKey < $1.sortKey }) {
            if seatedIDs.contains(try student.requireID()) {
                check.seated.append(student)
                continue
            }
            if student.status != RecordStatus.active.rawValue {
                check.problems.append("\(student.fullName) — \(EnrollmentError.studentArchived.short)")
            } else if let refused = EnrollmentError.consent(
                source: .list, recordedOn: student.consentOn, withdrawnAt: student.consentWithdrawnAt)
            {
                check.problems.append("\(student.fullName) — \(refused.short)")
            } else if let clash = clashes[try student.requireID()] {
                check.problems.append(
                    "\(student.fullName) — \(EnrollmentError.timetableClash(clash.text(for: try student.requireID(), req: req)).short)"
                )
            }
            check.needing.append(student)
        }
        return check
    }

    /// Moves the list from one of the states to another with a version check, or refuses: concurrent decisions cannot
    /// both pass.
    static func claim(
        _ list: EnrollmentList, from: [EnrollmentList.State], to: EnrollmentList.State, on sql: any SQLDatabase
    ) async throws {
        let rows = try await sql.update(EnrollmentList.schema).set("state", to: to.rawValue).set(
            "version", to: list.version + 1
        )
        .where("id", .equal, try list.requireID()).where("version", .equal, list.version).where(
            "state", .in, from.map(\.rawValue)
        )
        .returning("id").all()
        guard !rows.isEmpty else { throw AppError.conflict(EnrollmentWords.Lists.changedReload) }
    }

    /// Adds or removes students of a list that can still be edited (draft or returned), bumping its version.
    static func edit(listID: UUID, add: [UUID], remove: [UUID], req: Request) async throws -> Int {
        try await req.application.writeTransaction { db in
            guard let list = try await EnrollmentList.query(on: db).filter(\.$id == listID).with(\.$group).first()
            else { throw AppError.notFound() }
            let rows = try await db.sql().update(EnrollmentList.schema).set("version", to: list.version + 1).where(
                "id", .equal, listID
            )
            .where("version", .equal, list.version).where(
                "state", .in, [EnrollmentList.State.draft.rawValue, EnrollmentList.State.returned.rawValue]
            )
            .returning("id").all()
            guard !rows.isEmpty else {
                throw AppError.conflict(EnrollmentWords.Lists.sentCannotChange)
            }
            let existing = Set(
                try await EnrollmentListItem.query(on: db).filter(\.$list.$id == listID).all().map { $0.$student.id })
            let fresh =
                add.isEmpty
                ? []
                : try await Student.query(on: db).filter(\.$id ~~ add).filter(
                    \.$municipality.$id == list.$municipality.id
                )
                .filter(\.$status == RecordStatus.active.rawValue).all().filter {
                    !existing.contains(try $0.requireID())
                }
            for student in fresh {
                let item = EnrollmentListItem()
                item.$list.id = listID
                item.$student.id = try student.requireID()
                item.addedAt = Date()
                try await item.create(on: db)
            }
            let removed = remove.filter { existing.contains($0) }
            if !removed.isEmpty {
                try await EnrollmentListItem.query(on: db).filter(\.$list.$id == listID).filter(
                    \.$student.$id ~~ removed
                ).delete()
            }
            let names = try await Student.query(on: db).filter(\.$id ~~ (fresh.compactMap(\.id) + removed)).all().map(
                \.fullName)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "enrollment_list", entityID: listID,
                title: EnrollmentWords.Lists.auditTitle(group: list.group.name),
                municipalityID: list.$municipality.id, organizationID: list.group.$organization.id,
                after: (fresh.isEmpty
                    ? [:] : [EnrollmentWords.Audit.added: names.prefix(fresh.count).joined(separator: ", ")])
                    .merging(
                        removed.isEmpty
                            ? [:] : [EnrollmentWords.Audit.removed: names.suffix(removed.count).joined(separator: ", ")]
                    ) {
                        a, _ in a
                    })
            return fresh.count + removed.count
        }
    }

    static func shortfallMessage(needed: Int, free: Int) -> String {
        EnrollmentWords.Lists.shortfall(needed: needed, free: free)
    }

    static func problemsMessage(_ problems: [String]) -> String {
        EnrollmentWords.Lists.problems(problems)
    }

    /// Sends a draft (or returned) list to the centre, refusing it whole when it does not fit.
    static func send(listID: UUID, req: Request) async throws {
        try await req.application.writeTransaction { db in
            guard let list = try await EnrollmentList.query(on: db).filter(\.$id == listID).with(\.$group).first()
            else { throw AppError.notFound() }
            guard [EnrollmentList.State.draft.rawValue, EnrollmentList.State.returned.rawValue].contains(list.state)
            else {
                throw AppError.conflict(EnrollmentWords.Lists.alreadySent)
            }
            let check = try await check(list, req: req, on: db)
            guard !check.needing.isEmpty else { throw AppError.conflict(EnrollmentWords.Lists.nobodyNeedsSeat) }
            guard check.problems.isEmpty else { throw AppError.conflict(problemsMessage(check.problems)) }
            let free = list.group.capacity - list.group.enrolledCount
            guard check.needing.count <= free else {
                throw AppError.conflict(shortfallMessage(needed: check.needing.count, free: free))
            }
            let claimed = try await db.sql().update(EnrollmentList.schema).set(
                "state", to: EnrollmentList.State.sent.rawValue
            )
            .set("sent_at", to: Date()).set("version", to: list.version + 1)
            .where("id", .equal, listID).where("version", .equal, list.version).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(EnrollmentWords.Lists.changedReload) }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "enrollment_list", entityID: listID,
                title: EnrollmentWords.Lists.auditTitle(group: list.group.name), municipalityID: list.$municipality.id,
                organizationID: list.group.$organization.id,
                before: [EnrollmentWords.Audit.state: EnrollmentList.State(rawValue: list.state)?.title ?? list.state],
                after: [
                    EnrollmentWords.Audit.state: EnrollmentList.State.sent.title,
                    EnrollmentWords.Audit.students: String(check.needing.count),
                ])
        }
    }

}
