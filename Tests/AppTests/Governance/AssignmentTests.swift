import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 4: the КМЦ drafts a technical assignment (refused with the fields named while incomplete), issues
    /// it, and its results become the organisation's plan items that need evidence; the organisation marks one done and
    /// the assignment shows it; drafts are the КМЦ's own; other organisations are refused; printable and DOCX; the API.
    @Suite struct AssignmentTests {
        static func form(_ center: UUID, startYear: Int, action: String) -> [String: String] {
            [
                "organization": center.uuidString.lowercased(), "title": "Модель ресурсного центра по информатике",
                "basis": "Муниципальная программа развития образования.", "goals": "Создать условия.",
                "content": "Разработать и описать модель.", "results": "Модель, публикации.",
                "financing": "Муниципальная программа.", "startsOn": "01.09.\(startYear)",
                "endsOn": "30.06.\(startYear + 1)",
                "deliverables": AssignmentDeliverable.standard(startYear: startYear).map(\.line)
                    .joined(separator: "\n"),
                "action": action,
            ]
        }

        @Test func theKmcIssuesAnAssignmentWhoseResultsTheCentreMarksWithEvidence() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .school1, .teacher1])
                let startYear = CivilDay(world.year.startsOn, timeZone: world.zone).ymd.year
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let offered = try await kmc.get("/assignments/new").body.string
                #expect(offered.contains("Положение о ресурсном центре"))
                var incomplete = Self.form(cast.center, startYear: startYear, action: "save")
                incomplete["goals"] = ""
                incomplete["deliverables"] = "доклад; Доклад; 01.10.\(startYear)"
                let refused = try await kmc.post("/assignments", incomplete)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("вид результата — положение, проект, отчёт, справка или иное"))
                #expect(try await TechnicalAssignment.query(on: app.db).count() == 0)
                // A draft: the КМЦ's own until issued.
                let drafted = try await kmc.post(
                    "/assignments", Self.form(cast.center, startYear: startYear, action: "save"))
                #expect(drafted.status == .seeOther)
                let assignment = try #require(try await TechnicalAssignment.query(on: app.db).first())
                let path = SiteURL.assignment(try assignment.requireID()).path
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get(path).status == .forbidden)
                #expect(!(try await head.get("/assignments").body.string.contains("Модель ресурсного центра")))
                // A stale edit is refused; then it is issued and its results become plan items needing evidence.
                _ = try await kmc.get(path + "/edit")
                var issue = Self.form(cast.center, startYear: startYear, action: "issue")
                issue["version"] = "0"
                #expect(try await kmc.post(path, issue).status == .conflict)
                _ = try await kmc.get(path + "/edit")
                issue["version"] = "1"
                #expect(try await kmc.post(path, issue).status == .seeOther)
                let issued = try #require(try await TechnicalAssignment.find(assignment.id, on: app.db))
                #expect(issued.assignmentStatus == .issued)
                #expect(try await kmc.get(path + "/edit").status == .conflict)
                let items = try await PlanItem.query(on: app.db).filter(\.$plan.$id == issued.$plan.id!)
                    .sort(\.$position).all()
                #expect(items.count == 4 && items.allSatisfy { $0.evidenceRequired && $0.itemSide == .center })
                #expect(items[0].measure == "Положение: Положение о ресурсном центре")
                #expect(items[0].due == CivilDay(year: startYear, month: 10, day: 1))
                // The centre marks the regulation done with evidence; the assignment shows it.
                #expect(try await head.get("/assignments").body.string.contains("выполнено 0 из 4"))
                let itemPath = SiteURL.planItem(try items[0].requireID()).path
                _ = try await head.get(itemPath)
                let marked = try await head.post(
                    itemPath,
                    [
                        "status": "done", "doneOn": CivilDay(Date(), timeZone: world.zone).formatted,
                        "evidenceNote": "Приказ № 12 об утверждении положения", "version": "1",
                    ])
                #expect(marked.status == .seeOther)
                let shown = try await head.get(path).body.string
                #expect(shown.contains(PlanItemStatus.done.title) && shown.contains(AssignmentWords.hasEvidence))
                #expect(try await kmc.get("/assignments").body.string.contains("выполнено 1 из 4"))
                // Printable and DOCX.
                let document = try await head.get(path + "/document").body.string
                #expect(document.contains("Формы предъявления результата") && !document.contains("ПРОЕКТ"))
                let docx = try await head.get(path + "/docx")
                #expect(docx.status == .ok && docx.headers.contentType == .docx)
                // Others: a school that is not the executor, a teacher.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(path).status == .forbidden)
                #expect(try await school.get("/assignments").status == .ok)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/assignments").status == .forbidden)
                #expect(try await head.get("/assignments/new").status == .forbidden)
                // Audited.
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == assignment.id).count() == 2)
            }
        }

        @Test func theAPIListsReadsAndIssues() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .school1])
                let startYear = CivilDay(world.year.startsOn, timeZone: world.zone).ymd.year
                try await world.assignment(to: cast.school, issued: false)
                struct New: Content {
                    var organizationId: UUID
                    var title: String
                    var goals: String
                    var content: String
                    var expectedResults: String
                    var startsOn: String
                    var endsOn: String
                    var results: String
                    var issue: Bool
                    var version: Int?
                }
                let kmc: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                let own: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "centre1"))"]
                var api = Browser(app)
                var sent = New(
                    organizationId: cast.center, title: "Проект сети", goals: "Цели", content: "Работа",
                    expectedResults: "Проект", startsOn: "\(startYear)-09-01", endsOn: "\(startYear + 1)-06-30",
                    results: "проект; Образовательный проект; 40.11.\(startYear)", issue: true)
                let bad = try await api.send(.POST, "/api/v1/assignments", json: sent, headers: kmc)
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("\"results\""))
                sent.results = "проект; Образовательный проект; 01.11.\(startYear)"
                #expect(try await api.send(.POST, "/api/v1/assignments", json: sent, headers: own).status == .forbidden)
                let made = try await api.send(.POST, "/api/v1/assignments", json: sent, headers: kmc)
                #expect(made.status == .created && made.body.string.contains("\"planItemId\""))
                #expect(
                    try await api.send(.GET, "/api/v1/assignments", headers: kmc).body.string.contains("\"total\":2"))
                // The centre sees only what was issued to it.
                let theirs = try await api.send(.GET, "/api/v1/assignments", headers: own).body.string
                #expect(theirs.contains("\"total\":1") && theirs.contains("Проект сети"))
                // A draft changed and issued under its version; an issued one is final.
                let draft = try #require(
                    try await TechnicalAssignment.query(on: app.db).filter(\.$status == "draft").first())
                let draftPath = "/api/v1/assignments/\(try draft.requireID())"
                sent.title = "Положение о сети"
                let noVersion = try await api.send(.PUT, draftPath, json: sent, headers: kmc)
                #expect(noVersion.status == .unprocessableEntity && noVersion.body.string.contains("\"version\""))
                sent.version = draft.version + 1
                #expect(try await api.send(.PUT, draftPath, json: sent, headers: kmc).status == .conflict)
                sent.version = draft.version
                #expect(try await api.send(.PUT, draftPath, json: sent, headers: own).status == .forbidden)
                let issued = try await api.send(.PUT, draftPath, json: sent, headers: kmc)
                #expect(issued.status == .ok && issued.body.string.contains("\"status\":\"issued\""))
                #expect(issued.body.string.contains("Положение о сети"))
                sent.version = draft.version + 1
                #expect(try await api.send(.PUT, draftPath, json: sent, headers: kmc).status == .conflict)
                // The plans of assignments are found by one filter value (each is keyed by its assignment).
                let plans = try await api.send(.GET, "/api/v1/plans?template=assignment", headers: kmc)
                #expect(plans.status == .ok && plans.body.string.contains("\"templateKey\":\"assignment-"))
                #expect(!plans.body.string.contains("\"total\":0"))
            }
        }
    }
}
