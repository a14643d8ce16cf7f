import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Money taken from a line of the programme's budget (issue 23, item 6): the records a line of its kind may pay for,
/// the entries written only while the line has the money left — a conditional write of the line's `used`, so that two
/// administrators at once can never take more than the plan —, paid or cancelled under the entry's version, each
/// change audited on the line.
enum BudgetEntries {
    /// A record an entry may pay for: how the form offers it, the name the entry keeps, its amount when it has one.
    struct Source {
        var kind: BudgetSource
        var id: UUID
        var option: String
        var title: String
        var amount: Int?
    }

    /// Why money was not taken.
    enum Refusal: Error {
        case budget(BudgetRefusal)
        case lineArchived
        case paidOnce
    }

    /// The line of the route's id after the policy's word on `action`.
    static func line(_ req: Request, _ action: Domain.Action, id: UUID? = nil) async throws -> BudgetLine {
        guard let line = try await BudgetLine.find(try id ?? req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(BudgetWords.noun))
        }
        try req.authorize(action, .budgetLine(municipalityID: line.$municipality.id))
        return line
    }

    /// The entry of the route's id and its line, after the policy's word on changing the line.
    static func entry(_ req: Request) async throws -> (BudgetEntry, BudgetLine) {
        guard let entry = try await BudgetEntry.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(BudgetWords.noun))
        }
        return (entry, try await line(req, .update, id: entry.$line.id))
    }

    /// A line's row with its balance.
    static func row(_ line: BudgetLine, on db: any Database) async throws -> BudgetLineRow {
        guard let row = try await BudgetSection.rows([line], on: db).first else { throw AppError.notFound() }
        return row
    }

    /// The card's data: the line's balance and its entries, newest first.
    static func card(_ line: BudgetLine, req: Request) async throws -> BudgetCardPage {
        let entries = try await BudgetEntry.query(on: req.db).filter(\.$line.$id == line.requireID())
            .sort(\.$committedOn, .descending).sort(\.$createdAt, .descending).all()
        let rows = try entries.map { entry in
            BudgetEntryRow(
                id: try entry.requireID(), committedOn: CivilDay(number: entry.committedOn), purpose: entry.purpose,
                source: entry.sourceTitle, amount: entry.amount, state: entry.entryState,
                paidOn: entry.paidOn.map(CivilDay.init(number:)))
        }
        let balance = BudgetBalance(planned: line.planned, entries: entries.map { ($0.amount, $0.entryState) })
        return BudgetCardPage(
            row: BudgetLineRow(
                id: try line.requireID(), year: line.year, kind: line.budgetKind, title: line.title, balance: balance,
                isArchived: line.status != RecordStatus.active.rawValue),
            note: line.note, entries: rows,
            canChange: line.status == RecordStatus.active.rawValue
                && req.can(.update, .budgetLine(municipalityID: line.$municipality.id)))
    }

    /// The records a new entry of the line may pay for: for a record paid once, only those not yet in the budget.
    static func sources(for line: BudgetLine, on db: any Database) async throws -> [Source] {
        guard let kind = line.budgetKind.source else { return [] }
        let municipalityID = line.$municipality.id
        let taken =
            kind.isPaidOnce
            ? Set(
                try await BudgetEntry.query(on: db).filter(\.$municipality.$id == municipalityID)
                    .filter(\.$sourceKind == kind.rawValue).filter(\.$state != BudgetEntryState.cancelled.rawValue)
                    .all()
                    .compactMap(\.sourceID)) : []
        switch kind {
        case .teacherAward:
            let rounds = try await AwardRound.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$state == "approved").with(\.$academicYear).all()
            let byID = Dictionary(
                rounds.compactMap { round in round.id.map { ($0, round) } }, uniquingKeysWith: { a, _ in a })
            let lines =
                byID.isEmpty
                ? []
                : try await TeacherAward.query(on: db).filter(\.$round.$id ~~ Array(byID.keys))
                    .filter(\.$kind == AwardLines.money).with(\.$staff).all()
            return try lines.compactMap { award in
                let id = try award.requireID()
                guard !taken.contains(id), let amount = award.amount else { return nil }
                let title = award.staff.fullName + " — " + (byID[award.$round.id]?.academicYear.title ?? "")
                return Source(
                    kind: kind, id: id, option: title + ", " + BudgetWords.rubles(amount), title: title, amount: amount)
            }
            .sorted { $0.option < $1.option }
        case .supportMeasure:
            let trips = line.budgetKind == .trips
            var query = SupportMeasure.query(on: db).filter(\.$municipality.$id == municipalityID)
            query =
                trips
                ? query.filter(\.$kind == SupportKind.trip.rawValue)
                : query.filter(\.$kind != SupportKind.trip.rawValue)
            let measures = try await query.with(\.$student).with(\.$school).all()
            return try measures.compactMap { measure in
                let id = try measure.requireID()
                guard !taken.contains(id) else { return nil }
                let what =
                    (SupportKind(rawValue: measure.kind)?.title ?? measure.kind)
                    + (measure.event.map { ", " + $0 } ?? "")
                // The entry keeps no student's name: the budget is read by those who do not see the students.
                let title = what + " — " + measure.school.shortName
                return Source(
                    kind: kind, id: id,
                    option: measure.student.fullName + " — " + what + ", " + BudgetWords.rubles(measure.total),
                    title: title, amount: measure.total)
            }
            .sorted { $0.option < $1.option }
        case .event:
            guard let first = CivilDay(year: line.year, month: 1, day: 1),
                let last = CivilDay(year: line.year, month: 12, day: 31)
            else { return [] }
            let events = try await Event.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$status == RecordStatus.active.rawValue).filter(\.$startsOn >= first.number)
                .filter(\.$startsOn <= last.number).sort(\.$startsOn).sort(\.$title).all()
            return try events.map { event in
                let title = event.title + " — " + event.firstDay.formatted
                return Source(kind: kind, id: try event.requireID(), option: title, title: title, amount: nil)
            }
        case .trainer:
            let trainers = try await StaffMember.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$status == RecordStatus.active.rawValue).filter(\.$isOutsideTrainer == true)
                .sort(\.$sortKey).all()
            return try trainers.map {
                Source(kind: kind, id: try $0.requireID(), option: $0.fullName, title: $0.fullName, amount: nil)
            }
        }
    }

    /// Takes `entries` from the line at once, or none: the line's `used` grows only while it stays within the plan
    /// and the line is active (the statement that decides, so two at once cannot both pass); a record paid once is
    /// refused a second entry by the unique index. Audited on the line.
    static func take(_ entries: [BudgetEntry], from line: BudgetLine, req: Request) async throws {
        let lineID = try line.requireID()
        let amounts = entries.map(\.amount)
        if let refusal = BudgetBalance(planned: Int.max).refusal(taking: amounts) { throw Refusal.budget(refusal) }
        let total = amounts.reduce(0, +)
        let title = line.title
        do {
            try await req.application.writeTransaction { db in
                let taken = try await db.sql().update(BudgetLine.schema)
                    .set(SQLColumn("used"), to: SQLBinaryExpression(SQLColumn("used"), .add, SQLBind(total)))
                    .set(SQLColumn("version"), to: SQLBinaryExpression(SQLColumn("version"), .add, SQLBind(1)))
                    .where("id", .equal, lineID).where("status", .equal, RecordStatus.active.rawValue)
                    .where(
                        SQLBinaryExpression(SQLColumn("used"), .add, SQLBind(total)), .lessThanOrEqual,
                        SQLColumn("planned")
                    )
                    .returning("used").first()
                guard taken != nil else {
                    guard let now = try await BudgetLine.find(lineID, on: db),
                        now.status == RecordStatus.active.rawValue
                    else { throw Refusal.lineArchived }
                    throw Refusal.budget(.aboveRemainder(remaining: now.planned - now.used))
                }
                for entry in entries { try await entry.create(on: db) }
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "budget_line", entityID: lineID, title: title,
                    municipalityID: line.$municipality.id, organizationID: nil,
                    after: Dictionary(
                        entries.enumerated().map { index, entry in
                            (BudgetWords.Audit.taken(index + 1, of: entries.count), describe(entry))
                        }, uniquingKeysWith: { a, _ in a }))
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            throw Refusal.paidOnce
        }
    }

    /// A new entry of the line, not yet written.
    static func make(
        line: BudgetLine, source: Source?, amount: Int, purpose: String, committedOn: CivilDay, paidOn: CivilDay?,
        user: String
    ) throws -> BudgetEntry {
        let entry = BudgetEntry()
        entry.id = UUID()
        entry.$line.id = try line.requireID()
        entry.$municipality.id = line.$municipality.id
        entry.amount = amount
        entry.purpose = purpose
        entry.sourceKind = source?.kind.rawValue
        entry.sourceID = source?.id
        entry.sourceTitle = source?.title
        entry.state = (paidOn == nil ? BudgetEntryState.committed : .paid).rawValue
        entry.committedOn = committedOn.number
        entry.paidOn = paidOn?.number
        let now = Date()
        entry.createdBy = user
        entry.createdAt = now
        entry.updatedBy = user
        entry.updatedAt = now
        entry.version = 1
        return entry
    }

    /// A commitment paid on a day, or cancelled (its money back in the line), under the entry's version; only while it
    /// is a commitment.
    static func settle(
        _ entry: BudgetEntry, line: BudgetLine, to state: BudgetEntryState, paidOn: CivilDay?, expected: Int,
        req: Request
    ) async throws {
        guard entry.entryState == .committed else { throw AppError.conflict(BudgetWords.notCommitted) }
        let user = try req.requireUser().username
        let entryID = try entry.requireID()
        let lineID = try line.requireID()
        let before = describe(entry)
        try await req.application.writeTransaction { db in
            guard (0..<Int(Int32.max)).contains(expected),
                try await db.sql().update(BudgetEntry.schema)
                    .set("state", to: state.rawValue).set("paid_on", to: paidOn?.number)
                    .set("updated_by", to: user).set("updated_at", to: Date()).set("version", to: expected + 1)
                    .where("id", .equal, entryID).where("version", .equal, expected)
                    .where("state", .equal, BudgetEntryState.committed.rawValue)
                    .returning("id").first() != nil
            else { throw AppError.conflict(BudgetWords.changed) }
            if state == .cancelled {
                try await db.sql().update(BudgetLine.schema)
                    .set(
                        SQLColumn("used"), to: SQLBinaryExpression(SQLColumn("used"), .subtract, SQLBind(entry.amount))
                    )
                    .set(SQLColumn("version"), to: SQLBinaryExpression(SQLColumn("version"), .add, SQLBind(1)))
                    .where("id", .equal, lineID).run()
            }
            entry.state = state.rawValue
            entry.paidOn = paidOn?.number
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "budget_line", entityID: lineID, title: line.title,
                municipalityID: line.$municipality.id, organizationID: nil, before: [BudgetWords.Audit.entry: before],
                after: [BudgetWords.Audit.entry: describe(entry)])
        }
    }

    /// An entry as the audit keeps it: «Орлов Денис Андреевич — 2026/2027: 30 000 ₽, обязательство от 01.12.2026».
    static func describe(_ entry: BudgetEntry) -> String {
        BudgetWords.Audit.describe(
            source: entry.sourceTitle, purpose: entry.purpose, amount: entry.amount, state: entry.entryState,
            committedOn: CivilDay(number: entry.committedOn), paidOn: entry.paidOn.map(CivilDay.init(number:)))
    }
}
