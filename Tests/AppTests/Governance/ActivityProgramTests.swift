import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 3: a centre's head starts the programme, saves a draft, submits it (refused with the sections
    /// named while one is missing); the КМЦ returns it with a comment, the head corrects and submits again, the КМЦ
    /// agrees it and its work plan becomes the centre's plan; every version is kept, printable and DOCX; a stale save
    /// is refused; other organisations and teachers are refused; the API reads and writes the same.
    @Suite struct ActivityProgramTests {
        static func complete(_ version: Int, action: String = "submit") -> [String: String] {
            var form = Dictionary(
                uniqueKeysWithValues: ActivityProgramSection.texts.map { ($0.rawValue, $0.title + ": текст.") })
            form["workPlan"] =
                "Семинар для учителей информатики; октябрь; Методистова А. А.; Колледж № 1\n"
                + "Олимпиадная школа; сентябрь – май; Руководова И. И."
            form["group"] = "Руководова Ирина Ивановна; директор\nМетодистова Анна Андреевна; руководитель ГМО"
            form["version"] = String(version)
            form["action"] = action
            return form
        }

        @Test func aProgrammeIsWrittenSubmittedReturnedAndAgreedIntoAPlan() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .teacher1, .school1])
                let designation = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == cast.center).first())
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let list = try await head.get("/activity-programs").body.string
                #expect(list.contains(ActivityProgramWords.create) && list.contains("Школа-центр № 2"))
                let started = try await head.post(
                    "/activity-programs", ["center": try designation.requireID().uuidString])
                #expect(started.status == .seeOther)
                let program = try #require(try await ActivityProgram.query(on: app.db).first())
                let id = try program.requireID()
                let path = SiteURL.activityProgram(id).path
                #expect(started.headers.first(name: .location) == path + "/edit")
                // A second click lands on the same programme.
                _ = try await head.get("/activity-programs")
                let twice = try await head.post(
                    "/activity-programs", ["center": try designation.requireID().uuidString])
                #expect(twice.headers.first(name: .location) == path)
                #expect(try await ActivityProgram.query(on: app.db).count() == 1)
                // Submitting with sections missing is refused with them named; nothing changes.
                _ = try await head.get(path + "/edit")
                var partial = Self.complete(1)
                partial["goals"] = ""
                partial["group"] = ""
                let refused = try await head.post(path, partial)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("Заполните раздел «Цель и задачи деятельности РЦ»."))
                #expect(refused.body.string.contains("Укажите состав рабочей группы РЦ."))
                let unchanged = try #require(try await ActivityProgram.find(id, on: app.db))
                #expect(unchanged.version == 1 && unchanged.programStatus == .draft)
                // A draft keeps what is written.
                partial["action"] = "save"
                #expect(try await head.post(path, partial).status == .seeOther)
                #expect(try await ActivityProgram.find(id, on: app.db)?.body.rows.count == 2)
                // Submitted: a version is kept and the programme is closed to the centre.
                _ = try await head.get(path + "/edit")
                #expect(try await head.post(path, Self.complete(2)).status == .seeOther)
                #expect(try await ActivityProgram.find(id, on: app.db)?.programStatus == .submitted)
                #expect(try await head.get(path + "/edit").status == .conflict)
                #expect(try await head.post(path, Self.complete(3)).status == .conflict)
                // The КМЦ returns it: a comment is required.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let kmcStart = try await kmc.get("/").body.string
                #expect(kmcStart.contains(StartWords.task(.programsToAgree)) && kmcStart.contains(path))
                let shown = try await kmc.get(path).body.string
                #expect(
                    shown.contains(ActivityProgramWords.agree) && shown.contains("Семинар для учителей информатики"))
                let noComment = try await kmc.post(path + "/decision", ["decision": "return", "version": "3"])
                #expect(
                    noComment.status == .unprocessableEntity
                        && noComment.body.string.contains(ActivityProgramWords.commentRequired))
                #expect(
                    try await kmc.post(
                        path + "/decision",
                        ["decision": "return", "comment": "Уточните ожидаемые результаты.", "version": "3"]
                    ).status == .seeOther)
                #expect(try await head.get(path).body.string.contains("Уточните ожидаемые результаты."))
                // The head's start page asks for the correction.
                let headStart = try await head.get("/").body.string
                #expect(headStart.contains(StartWords.task(.programsToWrite)))
                #expect(headStart.contains("замечание: Уточните ожидаемые результаты."))
                // Corrected and submitted again; a stale form is refused.
                _ = try await head.get(path + "/edit")
                #expect(try await head.post(path, Self.complete(3)).status == .conflict)
                _ = try await head.get(path + "/edit")
                #expect(try await head.post(path, Self.complete(4)).status == .seeOther)
                // The head cannot decide; the КМЦ agrees, and the work plan becomes the centre's plan.
                #expect(
                    try await head.post(path + "/decision", ["decision": "agree", "version": "5"]).status == .forbidden)
                _ = try await kmc.get(path)
                #expect(
                    try await kmc.post(path + "/decision", ["decision": "agree", "version": "5"]).status == .seeOther)
                let agreed = try #require(try await ActivityProgram.find(id, on: app.db))
                #expect(agreed.programStatus == .agreed && agreed.returnComment == nil)
                let plan = try #require(try await Plan.find(agreed.$plan.id, on: app.db))
                #expect(
                    plan.$organization.id == cast.center && plan.templateKey == ActivityProgramWrites.planTemplateKey)
                let items = try await PlanItem.query(on: app.db).filter(\.$plan.$id == plan.requireID())
                    .sort(\.$position).all()
                let startYear = agreed.startYear
                #expect(items.count == 2)
                #expect(items[0].measure == "Семинар для учителей информатики (партнёры: Колледж № 1)")
                #expect(items[0].due == CivilDay(year: startYear, month: 10, day: 31))
                #expect(items[1].due == CivilDay(year: startYear + 1, month: 5, day: 31))
                #expect(items[1].startsOn == CivilDay(year: startYear, month: 9, day: 1)?.number)
                #expect(items.allSatisfy { $0.itemSide == .center && $0.responsible != nil })
                // Both versions kept with their decisions.
                let versions = try await ActivityProgramVersion.query(on: app.db).sort(\.$number).all()
                #expect(versions.map(\.versionStatus) == [.returned, .agreed])
                #expect(versions[0].comment == "Уточните ожидаемые результаты.")
                #expect(
                    try await kmc.post(path + "/decision", ["decision": "agree", "version": "6"]).status == .conflict)
                // Printable and DOCX, now or any version.
                let document = try await head.get(path + "/document").body.string
                #expect(document.contains("СОГЛАСОВАНО") && document.contains("Пояснительная записка"))
                #expect(try await head.get(path).body.string.contains(path + "/document?version=1"))
                #expect(try await head.get(path + "/document?version=1").body.string.contains("Версия 1"))
                #expect(try await head.get(path + "/document?version=9").status == .notFound)
                let docx = try await head.get(path + "/docx?version=2")
                #expect(docx.status == .ok && docx.headers.contentType == .docx)
                #expect(docx.headers.first(name: .contentDisposition)?.contains("-v2.docx") == true)
                // The history names the changes.
                let history = try await AuditEntry.query(on: app.db).filter(\.$entityID == id).count()
                #expect(history >= 6)
                // Others: a teacher has no programmes, a school's administration not this centre's.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/activity-programs").status == .forbidden)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(path).status == .forbidden)
                #expect(
                    try await school.get("/activity-programs").body.string.contains(ActivityProgramWords.notACenter))
                #expect(try await school.get(path + "/docx").status == .forbidden)
            }
        }

        /// The API starts a designation's programme once: 201 with the draft, then 200 with the same one.
        @Test func theAPIStartsAProgrammeOnce() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.centre1, .school1])
                let designation = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == cast.center).first())
                struct New: Content { var resourceCenterId: String? }
                let own: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "centre1"))"]
                let school: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "school1"))"]
                var api = Browser(app)
                let sent = New(resourceCenterId: try designation.requireID().uuidString)
                let none = try await api.send(.POST, "/api/v1/activity-programs", json: New(), headers: own)
                #expect(none.status == .unprocessableEntity && none.body.string.contains("resourceCenterId"))
                #expect(
                    try await api.send(.POST, "/api/v1/activity-programs", json: sent, headers: school).status
                        == .forbidden)
                let first = try await api.send(.POST, "/api/v1/activity-programs", json: sent, headers: own)
                #expect(first.status == .created && first.body.string.contains("\"status\":\"draft\""))
                let again = try await api.send(.POST, "/api/v1/activity-programs", json: sent, headers: own)
                #expect(again.status == .ok)
                #expect(try await ActivityProgram.query(on: app.db).count() == 1)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "activity_program").count() == 1)
            }
        }

        @Test func theAPIListsReadsWritesAndDecides() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .school1])
                let program = try await world.activityProgram(at: cast.center)
                let id = try program.requireID()
                struct Change: Content {
                    var sections: [String: String]
                    var workPlan: String
                    var workingGroup: String
                    var submit: Bool
                    var version: Int?
                }
                struct Decision: Content {
                    var decision: String
                    var comment: String?
                    var version: Int
                }
                let own: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "centre1"))"]
                let kmc: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                let school: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "school1"))"]
                var api = Browser(app)
                var change = Change(
                    sections: ["goals": "Новая цель."], workPlan: "Семинар; до 15.11; Методистова А. А.",
                    workingGroup: "Руководова Анна Ивановна; директор", submit: true, version: nil)
                let noVersion = try await api.send(.PUT, "/api/v1/activity-programs/\(id)", json: change, headers: own)
                #expect(noVersion.status == .unprocessableEntity)
                change.version = 1
                let submitted = try await api.send(.PUT, "/api/v1/activity-programs/\(id)", json: change, headers: own)
                #expect(submitted.status == .ok)
                let body = submitted.body.string
                #expect(body.contains("\"status\":\"submitted\"") && body.contains("\"goals\":\"Новая цель.\""))
                // Sections not sent stay.
                #expect(body.contains("\"rationale\":\"Пояснительная записка.\""))
                #expect(
                    try await api.send(.PUT, "/api/v1/activity-programs/\(id)", json: change, headers: own).status
                        == .conflict)
                #expect(
                    try await api.send(
                        .POST, "/api/v1/activity-programs/\(id)/decision",
                        json: Decision(decision: "agree", version: 2), headers: own
                    ).status == .forbidden)
                let agreed = try await api.send(
                    .POST, "/api/v1/activity-programs/\(id)/decision", json: Decision(decision: "agree", version: 2),
                    headers: kmc)
                #expect(agreed.status == .ok && agreed.body.string.contains("\"planId\""))
                let listed = try await api.send(.GET, "/api/v1/activity-programs?status=agreed", headers: kmc)
                #expect(listed.body.string.contains("\"total\":1"))
                let theirs = try await api.send(.GET, "/api/v1/activity-programs", headers: school)
                #expect(theirs.status == .ok && theirs.body.string.contains("\"total\":0"))
                #expect(
                    try await api.send(.GET, "/api/v1/activity-programs/\(id)", headers: school).status == .forbidden)
                #expect(
                    try await api.send(.GET, "/api/v1/activity-programs?year=nonsense", headers: kmc).status
                        == .badRequest)
            }
        }
    }
}
