import Domain
import Fluent
import Vapor
import Views

/// The regional stage as the municipality prepares for it (issue 21, item 3; `001_4390f67d15d9225c.txt` §2.5.3: the
/// methodological service organises participation in the regional stage; `000_5375b2a087477e6d.txt` §4.3: resource
/// centres hold preparation sessions, with outside trainers paid from the municipal programme). Who takes part is the
/// stage's runners' to mark; a session is the runners' or its centre head's to add and delete; each change audited.
struct OlympiadRegionalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let stage = routes.grouped("olympiad-stages", ":id")
        stage.get("regional", use: page)
        stage.post("regional", use: mark)
        stage.post("regional-results", use: saveResults)
        stage.post("sessions", use: addSession)
        stage.get("sessions", ":session", "delete", use: deleteConfirm)
        stage.post("sessions", ":session", "delete", use: delete)
    }

    func page(req: Request) async throws -> Response {
        let record = try await OlympiadStageController.stage(req, .read)
        return try await render(req, record, values: FormValues(), errors: FieldErrors(), status: .ok)
    }

    func render(
        _ req: Request, _ record: OlympiadStage, values: FormValues, errors: FieldErrors,
        failed: OlympiadRegionalPage.Form? = nil, status: HTTPResponseStatus
    ) async throws -> Response {
        let board = try await OlympiadBoard.load(record, on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let stageID = try record.requireID()
        let municipalityID = record.$municipality.id
        let visible = try OlympiadStageController.visibleSchools(req, record)
        let tables = board.tables()
        let statuses = Dictionary(
            tables.values.flatMap(\.rows).map { ($0.entry.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        let shown = board.participants.filter { visible?.contains($0.$school.id) ?? true }
        let regional = try await Self.regionalResults(
            record, students: shown.filter { $0.regionalAt != nil }.map(\.$student.id), on: req.db)
        let sessions = try await OlympiadTrainingSession.query(on: req.db).filter(\.$stage.$id == stageID)
            .with(\.$center).sort(\.$heldOn).all()
            .filter {
                req.can(.read, .olympiadTraining(center: OrgRef(id: $0.$center.id, municipalityID: municipalityID)))
            }
        let active = record.status == RecordStatus.active.rawValue
        let centers = active ? try await Self.centers(req, record) : []
        var values = values
        // A centre's head adds sessions for their one centre: it is chosen already.
        if values["center"] == nil && centers.count == 1 { values["center"] = centers[0].value }
        let trainers = centers.isEmpty ? [] : try await Self.trainers(req, record, centers: centers)
        let page = OlympiadRegionalPage(
            stageID: stageID, stageTitle: board.title,
            participants: visible?.isEmpty == true
                ? nil
                : shown.sorted { ($0.gradeCompeted, $1.total, $0.sortKey) < ($1.gradeCompeted, $0.total, $1.sortKey) }
                    .map {
                        .init(
                            id: $0.id!, name: $0.student.fullName, school: $0.school.shortName, grade: $0.gradeCompeted,
                            result: OlympiadWords.status(statuses[$0.id!] ?? .participant) + ", "
                                + TalentWords.points($0.total),
                            regional: $0.regionalAt != nil,
                            regionalResult: regional.byStudent[$0.$student.id].map {
                                TalentWords.result($0.achievementResult, place: $0.place, score: $0.score)
                            }, consented: $0.student.hasConsent)
                    },
            regionalCount: board.participants.filter { $0.regionalAt != nil }.count,
            canMark: active && req.can(.update, .olympiadStage(municipalityID: municipalityID)),
            sessions: sessions.map {
                .init(
                    id: $0.id!, date: RegistrySupport.date($0.heldOn, zone), hours: $0.hours, trainer: $0.trainer,
                    trainerID: $0.$trainerStaff.id, outside: $0.trainerOutside, center: $0.center.shortName,
                    topic: $0.topic,
                    canDelete: active
                        && req.can(
                            .archive,
                            .olympiadTraining(center: OrgRef(id: $0.$center.id, municipalityID: municipalityID)))
                )
            },
            centers: centers, trainers: try AchievementPreparers.choices(trainers),
            values: Self.resultValues(regional, shown: shown, zone: zone, over: values, failed: failed),
            errors: errors, failedForm: failed)
        return req.render(page.render(await req.pageContext(active: .registry(.olympiadStages))), status: status)
    }

    /// The year's resource centres the user may add a session for.
    static func centers(_ req: Request, _ record: OlympiadStage) async throws -> [(value: String, title: String)] {
        let municipalityID = record.$municipality.id
        let designations = try await ResourceCenter.query(on: req.db).filter(
            \.$academicYear.$id == record.$academicYear.id
        )
        .filter(\.$status == RecordStatus.active.rawValue).with(\.$organization).all()
        return designations.map(\.organization)
            .filter {
                $0.$municipality.id == municipalityID
                    && req.can(.create, .olympiadTraining(center: OrgRef(id: $0.id!, municipalityID: municipalityID)))
            }
            .sorted { $0.shortName < $1.shortName }.map { ($0.id!.uuidString.lowercased(), $0.shortName) }
    }

    func mark(req: Request) async throws -> Response {
        let record = try await OlympiadStageController.stage(req, .update)
        let stageID = try record.requireID()
        let chosen = Set(RegistrySupport.form(req).all("participant").compactMap(UUID.init(uuidString:)))
        let participants = try await OlympiadParticipant.query(on: req.db).filter(\.$stage.$id == stageID)
            .with(\.$student).all()
        let before = participants.filter { $0.regionalAt != nil }
        let after = participants.filter { chosen.contains($0.id!) }
        let user = try req.requireUser()
        let names = { (list: [OlympiadParticipant]) in list.map(\.student.fullName).sorted().joined(separator: ", ") }
        let audit = (before: names(before), after: names(after))
        let title = OlympiadStagesSection.title(record)
        try await req.application.writeTransaction { db in
            try await OlympiadParticipant.query(on: db).filter(\.$stage.$id == stageID)
                .filter(\.$id !~ Array(chosen)).set(\.$regionalAt, to: nil).set(\.$regionalBy, to: nil).update()
            if !chosen.isEmpty {
                try await OlympiadParticipant.query(on: db).filter(\.$stage.$id == stageID)
                    .filter(\.$id ~~ Array(chosen)).filter(\.$regionalAt == nil)
                    .set(\.$regionalAt, to: Date()).set(\.$regionalBy, to: user.username).update()
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "olympiad_stage", entityID: stageID, title: title,
                municipalityID: record.$municipality.id, organizationID: nil,
                before: [OlympiadWords.regionalField: audit.before], after: [OlympiadWords.regionalField: audit.after])
        }
        return req.redirect(to: OlympiadRegionalPage.path(stageID), flash: OlympiadWords.regionalSaved)
    }
}
