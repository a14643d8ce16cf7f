import Domain
import Fluent
import Vapor
import Views

/// A round's lines: the teachers with their facts shown, the amounts and letters of gratitude read from the page's form
/// and checked by `AwardRule` (`Domain/People/TeacherAwards.swift`), written under the round's version.
enum AwardLines {
    static let money = "money"
    static let gratitude = "gratitude"

    /// A teacher of the round's table: the facts up to the round's academic year, and whether they are no longer
    /// active (kept while they have a line).
    struct Row {
        var staff: StaffMember
        var facts: TeacherFactsSQL.Facts
    }

    /// The round's lines, in one statement.
    static func lines(_ round: AwardRound, on db: any Database) async throws -> [TeacherAward] {
        try await TeacherAward.query(on: db).filter(\.$round.$id == round.requireID()).all()
    }

    /// The teachers of a round in the registry's order: while it is a draft, the municipality's active staff with
    /// anything done in the network (a line for money or gratitude makes sense only for them) and whoever already has
    /// a line; once approved, those with a line only.
    static func teachers(_ round: AwardRound, lines: [TeacherAward], on db: any Database) async throws -> [Row] {
        let municipalityID = round.$municipality.id
        let zone = try await MunicipalClock.zone(municipalityID, on: db)
        let years = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let starts = Dictionary(
            try years.map { (try $0.requireID(), CivilDay($0.startsOn, timeZone: zone).ymd.year) },
            uniquingKeysWith: { a, _ in a })
        let facts = try await TeacherFactsSQL.facts(
            municipalityID: municipalityID, startYear: starts, through: starts[round.$academicYear.id] ?? Int.max,
            on: db)
        let lined = Set(lines.map(\.$staff.id))
        var query = StaffMember.query(on: db).filter(\.$municipality.$id == municipalityID)
        switch (round.isApproved, lined.isEmpty) {
        case (true, true): return []
        case (true, false): query = query.filter(\.$id ~~ Array(lined))
        case (false, true): query = query.filter(\.$status == RecordStatus.active.rawValue)
        case (false, false):
            query = query.group(.or) {
                $0.filter(\.$status == RecordStatus.active.rawValue).filter(\.$id ~~ Array(lined))
            }
        }
        let staff = try await query.sort(\.$sortKey).sort(\.$id).with(\.$organizations).all()
        return try staff.compactMap { person in
            let id = try person.requireID()
            let own = facts[id] ?? TeacherFactsSQL.Facts()
            return lined.contains(id) || own.groups > 0 || own.achievements > 0 ? Row(staff: person, facts: own) : nil
        }
    }

    static func page(
        _ round: AwardRound, req: Request, values: FormValues, errors: FieldErrors, warnings: [String] = [],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let page = try await model(round, req: req, values: values, errors: errors, warnings: warnings)
        return req.render(page.render(await req.pageContext(active: .awards)), status: status)
    }

    /// The round's page as data: its teachers with their facts and lines.
    static func model(
        _ round: AwardRound, req: Request, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors(),
        warnings: [String] = []
    ) async throws -> AwardRoundPage {
        let lines = try await lines(round, on: req.db)
        let rule = round.rule
        return AwardRoundPage(
            id: try round.requireID(), year: round.academicYear.title, rule: rule, version: round.version,
            isApproved: round.isApproved,
            teachers: try await teachers(round, lines: lines, on: req.db).map { row in
                let id = try row.staff.requireID()
                let money = lines.first { $0.$staff.id == id && $0.kind == Self.money }
                // An approved round shows the years its amounts were decided on.
                let years = round.isApproved ? (money?.years ?? row.facts.years) : row.facts.years
                return .init(
                    id: id, name: row.staff.fullName,
                    places: row.staff.organizations.map(\.shortName).sorted().joined(separator: ", "),
                    years: years, groups: row.facts.groups, hours: row.facts.hours,
                    certificates: row.facts.certificates, achievements: row.facts.achievements,
                    isEligible: rule.isEligible(years: years), amount: money?.amount,
                    gratitude: lines.contains { $0.$staff.id == id && $0.kind == gratitude },
                    isArchived: row.staff.status != RecordStatus.active.rawValue)
            },
            canEdit: req.can(.update, .awardRound(municipalityID: round.$municipality.id)),
            canApprove: req.can(.approve, .awardRound(municipalityID: round.$municipality.id)),
            orderYear: round.isApproved && req.can(.create, .order(municipalityID: round.$municipality.id))
                ? round.$academicYear.id : nil,
            values: values, errors: errors, warnings: warnings)
    }

    /// The form's amounts checked and written in place of the round's lines, under its version; refused beside the
    /// fields (422) with nothing written, or as changed meanwhile (409).
    static func save(_ round: AwardRound, form: FormValues, req: Request) async throws -> Response {
        guard !round.isApproved else { throw AppError.conflict(AwardWords.approved) }
        let rule = round.rule
        var errors = FieldErrors()
        var money: [(staff: StaffMember, years: Int, amount: Int)] = []
        var thanked: [(staff: StaffMember, years: Int)] = []
        let lines = try await lines(round, on: req.db)
        for row in try await teachers(round, lines: lines, on: req.db) {
            let (person, facts) = (row.staff, row.facts)
            let id = try person.requireID()
            let field = AwardRoundPage.amountField(id)
            // «25 000» as typed with the thousands apart is 25000; 0 or empty is no amount; a negative one is out of the
            // rule's range.
            if let raw = form[field]?.filter({ !$0.isWhitespace }), !raw.isEmpty,
                let amount = errors.integer(field, raw, range: Int(Int32.min)...Int(Int32.max), required: true),
                amount != 0
            {
                money.append((person, facts.years, amount))
            }
            if form[AwardRoundPage.gratitudeField(id)] == "yes" { thanked.append((person, facts.years)) }
        }
        let problems = rule.problems(
            money.map { AwardRule.Line(teacher: $0.staff.id!, years: $0.years, amount: $0.amount) })
        var warnings: [String] = []
        for problem in problems {
            switch problem {
            case .notEligible(let id), .amountOutOfRange(let id), .twice(let id):
                errors.add(AwardRoundPage.amountField(id), AwardWords.problem(problem, rule: rule))
            case .overBudget: warnings.append(AwardWords.problem(problem, rule: rule))
            }
        }
        guard errors.isEmpty && warnings.isEmpty else {
            return try await page(
                round, req: req, values: form, errors: errors, warnings: warnings, status: .unprocessableEntity)
        }
        let expected = Int(form["version"] ?? "") ?? -1
        let before = try await audit(round, on: req.db)
        let user = try req.requireUser().username
        let now = Date()
        let awards =
            try money.map {
                try makeLine(round, $0.staff, kind: Self.money, amount: $0.amount, years: $0.years, user, now)
            }
            + thanked.map { try makeLine(round, $0.staff, kind: gratitude, amount: nil, years: $0.years, user, now) }
        try await req.application.writeTransaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: AwardRound.schema, id: round.requireID(), expected: expected, on: db)
            else { throw AppError.conflict(AwardWords.changed) }
            try await TeacherAward.query(on: db).filter(\.$round.$id == round.requireID()).delete()
            for award in awards { try await award.create(on: db) }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "award_round", entityID: round.id,
                title: round.academicYear.title, municipalityID: round.$municipality.id, organizationID: nil,
                before: before,
                after: try await audit(round, on: db))
        }
        return req.redirect(to: SiteURL.award(try round.requireID()).path, flash: AwardWords.saved)
    }

    static func makeLine(
        _ round: AwardRound, _ staff: StaffMember, kind: String, amount: Int?, years: Int, _ user: String, _ now: Date
    ) throws -> TeacherAward {
        let award = TeacherAward()
        award.$round.id = try round.requireID()
        award.$staff.id = try staff.requireID()
        award.kind = kind
        award.amount = amount
        award.years = years
        award.createdBy = user
        award.createdAt = now
        return award
    }

    /// The round approved under the version it was read at: its lines checked again, at least one amount.
    static func approve(_ round: AwardRound, expected: Int, req: Request) async throws -> Response {
        guard !round.isApproved else { throw AppError.conflict(AwardWords.approved) }
        let lines = try await TeacherAward.query(on: req.db).filter(\.$round.$id == round.requireID())
            .filter(\.$kind == money).all()
        let problems = round.rule.problems(
            lines.map { AwardRule.Line(teacher: $0.$staff.id, years: $0.years, amount: $0.amount ?? 0) })
        guard !lines.isEmpty, problems.isEmpty else {
            return try await page(
                round, req: req, values: FormValues(), errors: FieldErrors(),
                warnings: lines.isEmpty
                    ? [AwardWords.nothingToApprove] : problems.map { AwardWords.problem($0, rule: round.rule) },
                status: .unprocessableEntity)
        }
        let user = try req.requireUser().username
        let before = try await audit(round, on: req.db)
        try await req.application.writeTransaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: AwardRound.schema, id: round.requireID(), expected: expected, on: db)
            else { throw AppError.conflict(AwardWords.changed) }
            round.state = "approved"
            round.approvedBy = user
            round.approvedAt = Date()
            round.version = expected + 1
            try await round.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "award_round", entityID: round.id,
                title: round.academicYear.title, municipalityID: round.$municipality.id, organizationID: nil,
                before: before, after: try await audit(round, on: db))
        }
        return req.redirect(to: SiteURL.award(try round.requireID()).path, flash: AwardWords.approvedFlash)
    }

    /// The round as the audit log keeps it: the rule and every line by name.
    static func audit(_ round: AwardRound, on db: any Database) async throws -> [String: String] {
        var fields = [
            AwardWords.Field.year: round.academicYear.title, AwardWords.Field.budget: AwardWords.rubles(round.budget),
            AwardWords.Field.minimumYears: String(round.minimumYears),
            AwardWords.Audit.range: AwardWords.rubles(round.amountMin) + " — " + AwardWords.rubles(round.amountMax),
            AwardWords.Audit.state: round.isApproved ? AwardWords.approvedState : AwardWords.draftState,
        ]
        guard let id = round.id else { return fields }
        let lines = try await TeacherAward.query(on: db).filter(\.$round.$id == id).with(\.$staff).all()
        fields[AwardWords.Audit.amounts] = lines.filter { $0.kind == money }.map {
            $0.staff.fullName + ": " + AwardWords.rubles($0.amount ?? 0)
        }
        .sorted().joined(separator: "\n")
        fields[AwardWords.Audit.gratitude] = lines.filter { $0.kind == gratitude }.map(\.staff.fullName).sorted()
            .joined(separator: "\n")
        return fields
    }
}
