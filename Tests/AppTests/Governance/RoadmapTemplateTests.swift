import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 1: the administrator writes a template of the municipality's own, every save a version kept;
    /// a stale save is refused; a plan is made from it with its deadlines and evidence; the КМЦ reads, another
    /// municipality does not; the API lists and reads it.
    @Suite struct RoadmapTemplateTests {
        static let body =
            "# Организационные мероприятия\n1; Заседание рабочей группы; сентябрь; Утверждение состава; до 15.09\n"
            + "2; Отчёт о работе за квартал; до 5 числа месяца, следующего за кварталом; ; ; да"

        @Test func theAdministratorWritesAVersionedTemplateAndAPlanIsMadeFromIt() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.admin, .kmc])
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                #expect(try await admin.get("/roadmaps").body.string.contains(RoadmapTemplateWords.create))
                _ = try await admin.get("/roadmaps/new")
                let bad = try await admin.post(
                    "/roadmaps", values: ["title": ["План работы КМЦ"], "body": ["1; Заседание; сентябрь"]])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Строка 1: сначала заголовок"))
                #expect(try await CustomTemplate.query(on: app.db).count() == 0)
                let made = try await admin.post(
                    "/roadmaps", values: ["title": ["План работы КМЦ"], "body": [Self.body]])
                #expect(made.status == .seeOther)
                let template = try #require(try await CustomTemplate.query(on: app.db).first())
                let path = SiteURL.roadmap(template.key).path
                let page = try await admin.get(path).body.string
                #expect(page.contains("Заседание рабочей группы") && page.contains("Версия 1 от"))
                // A save is a new version; the old one stays readable; a stale form is refused.
                _ = try await admin.get(path + "/edit")
                let edited = Self.body + "\n3; Итоговый семинар; май"
                let saved = try await admin.post(
                    path, values: ["version": ["1"], "title": ["План работы КМЦ на год"], "body": [edited]])
                #expect(saved.status == .seeOther)
                let stale = try await admin.post(
                    path, values: ["version": ["1"], "title": ["Другое"], "body": [Self.body]])
                #expect(stale.status == .conflict && stale.body.string.contains(RoadmapTemplateWords.changed))
                #expect(try await CustomTemplateVersion.query(on: app.db).count() == 2)
                let old = try await admin.get(path + "?version=1").body.string
                #expect(old.contains(RoadmapTemplateWords.showing(1)) && !old.contains("Итоговый семинар"))
                #expect(try await admin.get(path + "?version=7").status == .badRequest)
                // A plan from it: its deadlines in the year, evidence where the template says so.
                let year = CivilDay(Date(), timeZone: world.zone).ymd.year
                _ = try await admin.get("/plans/new")
                let plan = try await admin.post(
                    "/plans", values: ["template": [template.key], "owner": ["municipality"], "year": [String(year)]])
                #expect(plan.status == .seeOther)
                let planMade = try #require(try await Plan.query(on: app.db).first())
                #expect(planMade.templateVersion == 2)
                #expect(
                    try await admin.get(SiteURL.plan(try planMade.requireID()).path).body.string.contains(
                        "version=2"))
                let items = try await PlanItem.query(on: app.db).all()
                #expect(items.count == 2 + 4 + 1)
                #expect(items.filter(\.evidenceRequired).count == 4)
                #expect(
                    items.contains {
                        $0.measure == "Итоговый семинар" && $0.due == CivilDay(year: year, month: 5, day: 31)
                    })
                // The КМЦ reads but does not write.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get(path).status == .ok)
                #expect(try await kmc.get(path + "/edit").status == .forbidden)
                #expect(try await kmc.get("/roadmaps/new").status == .forbidden)
                // The API.
                let auth: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                var api = Browser(app)
                let listed = try await api.send(.GET, "/api/v1/roadmap-templates", headers: auth).body.string
                #expect(listed.contains("\"total\":3") && listed.contains("\"builtIn\":false"))
                let one = try await api.send(.GET, "/api/v1/roadmap-templates/\(template.key)", headers: auth)
                #expect(one.status == .ok && one.body.string.contains("Итоговый семинар"))
                let plans = try await api.send(.GET, "/api/v1/plans?template=\(template.key)", headers: auth)
                #expect(plans.status == .ok && plans.body.string.contains("\"total\":1"))
                #expect(
                    audited(try await AuditEntry.query(on: app.db).filter(\.$entityType == "custom_template").count()))
                // Archived after a confirmation: no new plan from it; the plan made stays; restored on its page.
                #expect(try await kmc.post(path + "/archive", [:]).status == .forbidden)
                #expect(try await admin.get(path + "/archive").body.string.contains(OwnTextWords.Template.consequence))
                #expect(try await admin.post(path + "/archive", [:]).status == .seeOther)
                #expect(try await admin.get(path).body.string.contains(OwnTextWords.Template.note))
                // Archived: not edited until restored.
                #expect(try await admin.get(path + "/edit").status == .conflict)
                let whileArchived = try await admin.post(
                    path, values: ["version": ["2"], "title": ["Другое"], "body": [Self.body]])
                #expect(whileArchived.status == .conflict)
                #expect(try await admin.get("/roadmaps").body.string.contains(OwnTextWords.inArchive))
                _ = try await admin.get("/plans/new")
                let refused = try await admin.post(
                    "/plans",
                    values: ["template": [template.key], "owner": ["municipality"], "year": [String(year + 1)]])
                #expect(
                    refused.status == .unprocessableEntity && refused.body.string.contains(PlanWords.chooseTemplate))
                #expect(try await Plan.query(on: app.db).count() == 1)
                #expect(try await admin.post(path + "/restore", [:]).status == .seeOther)
                #expect(try await CustomTemplate.find(template.id, on: app.db)?.status == RecordStatus.active.rawValue)
                // Archiving leaves the versions as they were: a plan made after keeps version 2 and its link opens it
                // as the current text.
                _ = try await admin.get("/plans/new")
                let later = try await admin.post(
                    "/plans",
                    values: ["template": [template.key], "owner": ["municipality"], "year": [String(year + 1)]])
                #expect(later.status == .seeOther)
                let second = try #require(try await Plan.query(on: app.db).filter(\.$year == year + 1).first())
                #expect(second.templateVersion == 2)
                let current = try await admin.get(path + "?version=2")
                #expect(current.status == .ok && current.body.string.contains(RoadmapTemplateWords.edit))
            }
        }

        func audited(_ count: Int) -> Bool { count == 2 }

        @Test func anotherMunicipalitysTemplateIsNeitherReadNorUsed() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.admin])
                let elsewhere = try await World.make(app, name: "Соседний округ")
                let theirs = try await elsewhere.customTemplate()
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                #expect(try await admin.get(SiteURL.roadmap(theirs.key).path).status == .forbidden)
                _ = try await admin.get("/plans/new")
                let year = CivilDay(Date(), timeZone: world.zone).ymd.year
                let plan = try await admin.post(
                    "/plans", values: ["template": [theirs.key], "owner": ["municipality"], "year": [String(year)]])
                #expect(plan.status == .unprocessableEntity && plan.body.string.contains(PlanWords.chooseTemplate))
                // An own template whose text no longer reads makes no (empty) plan.
                let broken = try await world.customTemplate(title: "Сломанный")
                broken.body = "без раздела"
                try await broken.save(on: app.db)
                let empty = try await admin.post(
                    "/plans", values: ["template": [broken.key], "owner": ["municipality"], "year": [String(year)]])
                #expect(empty.status == .unprocessableEntity && empty.body.string.contains(PlanWords.chooseTemplate))
                #expect(try await Plan.query(on: app.db).count() == 0)
            }
        }
    }
}
