import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 5: the administrator defines a report form of the municipality's own — typed indicators with
    /// units, required ones, Setka's counts — every save a version kept; a campaign is announced with it and keeps it as
    /// it was; a centre fills and submits the report by its indicators; the КМЦ reads the form and does not write it;
    /// another municipality's form is neither read nor used; the API lists forms and tells a campaign's indicators.
    @Suite struct ReportFormTests {
        @Test func theAdministratorDefinesAFormAndACampaignKeepsItAsAnnounced() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc, .centre1])
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                #expect(try await admin.get("/report-campaigns").body.string.contains(SiteURL.reportForms.path))
                let list = try await admin.get("/report-forms").body.string
                #expect(list.contains(ReportForm.quarterly.title) && list.contains(ReportFormWords.create))
                _ = try await admin.get("/report-forms/new")
                let bad = try await admin.post(
                    "/report-forms",
                    values: ["title": ["Работа с родителями"], "body": ["Собрания; число\nОхват; штуки"]])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Строка 2: тип"))
                #expect(bad.body.string.contains("Охват; штуки"))
                let twin = try await admin.post(
                    "/report-forms", values: ["title": [ReportForm.quarterly.title.uppercased()], "body": ["А; число"]])
                #expect(twin.status == .unprocessableEntity && twin.body.string.contains(ReportFormWords.titleTaken))
                #expect(try await CustomReportForm.query(on: app.db).count() == 0)
                let made = try await admin.post(
                    "/report-forms", values: ["title": ["Работа с родителями"], "body": [World.reportFormBody]])
                #expect(made.status == .seeOther)
                let form = try #require(try await CustomReportForm.query(on: app.db).first())
                let path = SiteURL.reportForm(form.key).path
                let page = try await admin.get(path).body.string
                #expect(page.contains("Мероприятия для родителей") && page.contains("таблица: Мероприятие, Дата"))
                #expect(page.contains("Версия 1 от") && page.contains(ReportSource.studentsCovered.title))
                // A campaign with it keeps the text it was announced with.
                let year = CivilDay(Date(), timeZone: world.zone).ymd.year - 1
                #expect(try await admin.get("/report-campaigns/new").body.string.contains(form.key))
                let announced = try await admin.post(
                    "/report-campaigns",
                    values: [
                        "form": [form.key], "year": ["\(year)"], "quarter": ["4"],
                        "organizations": [cast.center.uuidString],
                    ])
                #expect(announced.status == .seeOther)
                let campaign = try #require(try await ReportCampaign.query(on: app.db).first())
                #expect(campaign.formKey == form.key && campaign.form.indicators.count == 4)
                #expect(campaign.title.hasPrefix("Работа с родителями — IV квартал"))
                // A save is a new version; the campaign does not change; a stale save keeps the refused text shown.
                _ = try await admin.get(path + "/edit")
                let saved = try await admin.post(
                    path,
                    values: [
                        "version": ["1"], "title": ["Работа с родителями (2)"],
                        "body": ["Родителей на собраниях; число; чел.; да"],
                    ])
                #expect(saved.status == .seeOther)
                let stale = try await admin.post(
                    path, values: ["version": ["1"], "title": ["Другое"], "body": ["Консультации; число; ; да"]])
                #expect(stale.status == .conflict && stale.body.string.contains(ReportFormWords.changed))
                #expect(stale.body.string.contains("Консультации; число; ; да"))
                #expect(try await CustomReportFormVersion.query(on: app.db).count() == 2)
                let old = try await admin.get(path + "?version=1").body.string
                #expect(old.contains(ReportFormWords.showing(1)) && old.contains("Мероприятия для родителей"))
                #expect(try await admin.get(path + "?version=9").status == .badRequest)
                #expect(try await ReportCampaign.find(campaign.id, on: app.db)?.form.indicators.count == 4)
                // The centre fills the report by the form's indicators; Setka's count pre-filled.
                let report = try #require(try await Report.query(on: app.db).first())
                let reportPath = SiteURL.report(try report.requireID()).path
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let sheet = try await head.get(reportPath).body.string
                #expect(sheet.contains("Родителей на собраниях") && sheet.contains(ReportWords.fromSetka))
                let incomplete = try await head.post(reportPath, ["action": "submit", "version": "1", "p1": "30"])
                #expect(incomplete.status == .unprocessableEntity && incomplete.body.string.contains("обязателен"))
                let submitted = try await head.post(
                    reportPath,
                    [
                        "action": "submit", "version": "1", "p1": "30", "p2": "87,5",
                        "p3": "Собрание; 01.12.\(year); 40",
                    ])
                #expect(submitted.status == .seeOther)
                #expect(try await Report.find(report.id, on: app.db)?.answerValues["p2"] == "87.5")
                #expect(try await head.get("/report-forms").status == .forbidden)
                #expect(try await head.get(path).status == .forbidden)
                // The КМЦ reads forms, writes none, and sees the consolidation by the form's indicators.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get(path).status == .ok)
                #expect(try await kmc.get(path + "/edit").status == .forbidden)
                #expect(try await kmc.get("/report-forms/new").status == .forbidden)
                let summary = try await kmc.get(SiteURL.reportCampaign(try campaign.requireID()).path + "/consolidated")
                #expect(summary.body.string.contains("Родителей на собраниях") && summary.body.string.contains("30"))
                // The API.
                let auth: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                var api = Browser(app)
                let listed = try await api.send(.GET, "/api/v1/report-forms", headers: auth).body.string
                #expect(listed.contains("\"total\":2") && listed.contains("\"builtIn\":false"))
                let one = try await api.send(.GET, "/api/v1/report-forms/\(form.key)", headers: auth).body.string
                #expect(one.contains("\"version\":2") && one.contains("Родителей на собраниях"))
                let builtIn = try await api.send(.GET, "/api/v1/report-forms/tochka-rosta-quarter", headers: auth)
                #expect(builtIn.status == .ok && builtIn.body.string.contains("\"key\":\"equipmentLoad\""))
                let detail = try await api.send(
                    .GET, "/api/v1/report-campaigns/\(try campaign.requireID())", headers: auth
                ).body.string
                #expect(detail.contains("\"columns\":[\"Мероприятие\",\"Дата\",\"Участников\"]"))
                #expect(detail.contains("\"source\":\"studentsCovered\"") && detail.contains("\"p1\":\"30\""))
                // A report tells the keys of its answers as its campaign keeps the form, not as the form is now.
                let answered = try await api.send(.GET, "/api/v1/reports/\(try report.requireID())", headers: auth)
                #expect(answered.body.string.contains("Мероприятия для родителей"))
                #expect(answered.body.string.contains("\"key\":\"p3\""))
                // A campaign announced and a report returned through the API, by the page's rules.
                struct Announce: Content {
                    var form: String
                    var year: Int
                    var quarter: Int
                    var organizations: [String]
                }
                let third = Announce(form: form.key, year: year, quarter: 3, organizations: [cast.center.uuidString])
                let created = try await api.send(.POST, "/api/v1/report-campaigns", json: third, headers: auth)
                // Announced with the form as it is now (version 2: one indicator).
                #expect(created.status == .created && created.body.string.contains("\"key\":\"p1\""))
                #expect(!created.body.string.contains("\"key\":\"p2\""))
                let twice = try await api.send(.POST, "/api/v1/report-campaigns", json: third, headers: auth)
                #expect(twice.status == .unprocessableEntity && twice.body.string.contains("quarter"))
                var wrong = third
                (wrong.form, wrong.quarter) = ("tochka-rosta-9", 2)
                let refused = try await api.send(.POST, "/api/v1/report-campaigns", json: wrong, headers: auth)
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains(ReportWords.chooseForm))
                #expect(try await ReportCampaign.query(on: app.db).count() == 2)
                struct GiveBack: Content {
                    var comment: String
                    var version: Int
                }
                let returnPath = "/api/v1/reports/\(try report.requireID())/return"
                let empty = try await api.send(
                    .POST, returnPath, json: GiveBack(comment: "", version: 2), headers: auth)
                #expect(empty.status == .unprocessableEntity)
                let staleReturn = try await api.send(
                    .POST, returnPath, json: GiveBack(comment: "Уточните", version: 1), headers: auth)
                #expect(staleReturn.status == .conflict)
                let returned = try await api.send(
                    .POST, returnPath, json: GiveBack(comment: "Уточните число проб.", version: 2), headers: auth)
                #expect(returned.status == .ok && returned.body.string.contains("\"status\":\"returned\""))
                let own: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "centre1"))"]
                #expect(
                    try await api.send(.POST, returnPath, json: GiveBack(comment: "—", version: 3), headers: own).status
                        == .forbidden)
                #expect(
                    try await api.send(.POST, "/api/v1/report-campaigns", json: third, headers: own).status
                        == .forbidden)
                // Archived after a confirmation: no new campaign with it; its campaigns stay; restored on its page.
                #expect(try await kmc.post(path + "/archive", [:]).status == .forbidden)
                let confirm = try await admin.get(path + "/archive").body.string
                #expect(confirm.contains(OwnTextWords.Form.question("Работа с родителями (2)")))
                #expect(try await admin.post(path + "/archive", [:]).status == .seeOther)
                #expect(try await admin.get(path).body.string.contains(OwnTextWords.Form.note))
                #expect(try await admin.get(path + "/edit").status == .conflict)
                #expect(try await admin.get("/report-forms").body.string.contains(OwnTextWords.inArchive))
                #expect(!(try await admin.get("/report-campaigns/new").body.string.contains(form.key)))
                #expect(try await ReportCampaign.query(on: app.db).count() == 2)
                #expect(try await admin.post(path + "/restore", [:]).status == .seeOther)
                #expect(try await CustomReportForm.find(form.id, on: app.db)?.status == RecordStatus.active.rawValue)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "report_form").count() == 4)
            }
        }

        @Test func anotherMunicipalitysFormIsNeitherReadNorUsed() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.admin])
                let elsewhere = try await World.make(app, name: "Соседний округ")
                let theirs = try await elsewhere.customReportForm()
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                #expect(try await admin.get(SiteURL.reportForm(theirs.key).path).status == .forbidden)
                #expect(try await admin.get(SiteURL.reportForm(theirs.key).path + "/edit").status == .forbidden)
                _ = try await admin.get("/report-campaigns/new")
                let year = CivilDay(Date(), timeZone: world.zone).ymd.year - 1
                let campaign = try await admin.post(
                    "/report-campaigns",
                    values: [
                        "form": [theirs.key], "year": ["\(year)"], "quarter": ["4"],
                        "organizations": [cast.center.uuidString],
                    ])
                #expect(campaign.status == .unprocessableEntity)
                #expect(campaign.body.string.contains(ReportWords.chooseForm))
                #expect(try await ReportCampaign.query(on: app.db).count() == 0)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "admin"))"]
                var api = Browser(app)
                #expect(
                    try await api.send(.GET, "/api/v1/report-forms/\(theirs.key)", headers: auth).status == .forbidden)
            }
        }
    }
}
