import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct ProgramTests {
        static func form(_ center: UUID, modules: String = "Теория — 30\nПрактикум — 34", teacher: UUID? = nil)
            -> [String: String]
        {
            var f = [
                "organization": center.uuidString, "title": "Экспериментальная физика", "kind": "profile",
                "gradeFrom": "10", "gradeTo": "11",
                "hours": "64", "form": "blended", "modules": modules, "target": "исследовательские проекты",
            ]
            if let teacher { f["teachers"] = teacher.uuidString.lowercased() }
            return f
        }

        static func teacher(_ app: Application) async throws -> UUID {
            try #require(try await StaffMember.query(on: app.db).filter(\.$status == "active").first()?.id)
        }

        /// A new programme's form starts at 64 hours in the head's own centre; a programme without teachers is not
        /// sent.
        @Test func aProgramStartsAt64HoursAndNeedsTeachersToBeSent() async throws {
            try await withApp { app in
                let center = try await orgID(app, "МБОУ «Гимназия № 2»")
                var head = Browser(app)
                _ = try await head.login("centre1")
                let blank = try await head.get("/programs/new").body.string
                #expect(blank.contains("name=\"hours\"") && blank.contains("value=\"64\""))
                #expect(blank.contains("<option value=\"\(center.uuidString.lowercased())\" selected"))
                #expect(try await head.post("/programs/new", Self.form(center)).status == .seeOther)
                let program = try #require(
                    try await NetworkProgram.query(on: app.db).filter(\.$title == "Экспериментальная физика").first())
                _ = try await head.get("/programs/\(program.id!)")
                let refused = try await head.post("/programs/\(program.id!)/submit")
                #expect(refused.status == .conflict && refused.body.string.contains("Укажите педагогов программы"))
                #expect(try await NetworkProgram.find(program.id, on: app.db)?.approval == "draft")
            }
        }

        @Test func aProgramGoesFromDraftThroughReturnToAgreementKeepingVersions() async throws {
            try await withApp { app in
                let center = try await orgID(app, "МБОУ «Гимназия № 2»")
                var head = Browser(app)
                _ = try await head.login("centre1")
                _ = try await head.get("/programs/new")
                let badModules = try await head.post(
                    "/programs/new", Self.form(center, modules: "Теория — 30\nПрактикум"))
                #expect(badModules.status == .unprocessableEntity)
                #expect(badModules.body.string.contains("Строка 2: напишите модуль как «Название — 16»"))
                let wrongSum = try await head.post(
                    "/programs/new", Self.form(center, modules: "Теория — 30\nПрактикум — 30"))
                #expect(
                    wrongSum.body.string.contains("Сумма часов модулей (60) должна совпадать с объёмом программы (64).")
                )
                let teacher = try await Self.teacher(app)
                #expect(try await head.post("/programs/new", Self.form(center, teacher: teacher)).status == .seeOther)
                let program = try #require(
                    try await NetworkProgram.query(on: app.db).filter(\.$title == "Экспериментальная физика").first())
                #expect(program.approval == "draft")
                _ = try await head.get("/programs/\(program.id!)")
                #expect(try await head.post("/programs/\(program.id!)/submit").status == .seeOther)
                // While the КМЦ decides, the centre cannot change it.
                #expect(try await head.get("/programs/\(program.id!)/edit").status == .conflict)
                var edit = Self.form(center, teacher: teacher)
                edit["version"] = "2"
                #expect(try await head.post("/programs/\(program.id!)/edit", edit).status == .conflict)
                #expect(try await head.get("/programs/\(program.id!)/review").status == .forbidden)

                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                #expect(try await kmc.get("/programs").body.string.contains("Ждут согласования КМЦ: 1 программа."))
                _ = try await kmc.get("/programs/\(program.id!)/review")
                let noComment = try await kmc.post("/programs/\(program.id!)/review", ["decision": "returned"])
                #expect(noComment.body.string.contains("Напишите, что нужно доработать."))
                #expect(
                    try await kmc.post(
                        "/programs/\(program.id!)/review",
                        ["decision": "returned", "comment": "Добавьте лабораторные работы"]
                    ).status == .seeOther)
                #expect(
                    try await head.get("/programs/\(program.id!)").body.string.contains(
                        "КМЦ вернул программу на доработку: «Добавьте лабораторные работы»"))
                _ = try await head.get("/programs/\(program.id!)/edit")
                edit["version"] = "3"
                edit["modules"] = "Теория — 24\nЛабораторные работы — 40"
                #expect(try await head.post("/programs/\(program.id!)/edit", edit).status == .seeOther)
                _ = try await head.get("/programs/\(program.id!)")
                #expect(try await head.post("/programs/\(program.id!)/submit").status == .seeOther)
                _ = try await kmc.get("/programs/\(program.id!)/review")
                #expect(
                    try await kmc.post("/programs/\(program.id!)/review", ["decision": "agreed"]).status == .seeOther)
                let agreed = try #require(try await NetworkProgram.find(program.id, on: app.db))
                #expect(agreed.approval == "agreed")
                let versions = try await ProgramVersion.query(on: app.db).filter(\.$program.$id == program.id!).sort(
                    \.$number
                ).all()
                #expect(versions.map(\.decision) == ["returned", "agreed"])
                #expect(versions[0].snapshot.contains("Практикум — 34"))
                let card = try await head.get("/programs/\(program.id!)").body.string
                #expect(!card.contains(">Изменить</a>"))
                #expect(card.contains("Версии, отправленные в КМЦ"))
            }
        }

        @Test func aCenterWritesOnlyItsOwnProgramsAndNeverDecides() async throws {
            try await withApp { app in
                let other = try await orgID(app, "МБОУ «Лицей № 5»")
                let lyceumProgram = try #require(
                    try await NetworkProgram.query(on: app.db).filter(\.$organization.$id == other).first())
                var head = Browser(app)
                _ = try await head.login("centre1")
                _ = try await head.get("/programs/new")
                let res = try await head.post("/programs/new", Self.form(other))
                #expect(res.status == .unprocessableEntity)
                #expect(try await head.get("/programs/\(lyceumProgram.id!)/edit").status == .forbidden)
                #expect(
                    try await head.post(
                        "/programs/\(lyceumProgram.id!)/review", ["decision": "returned", "comment": "x"]
                    ).status == .forbidden)
                var school = Browser(app)
                _ = try await school.login("school1")
                #expect(try await school.get("/programs").status == .ok)
                #expect(try await school.get("/programs/new").status == .forbidden)
            }
        }

        @Test func thePublicCatalogListsAgreedProgramsWithFilters() async throws {
            try await withApp { app in
                var anyone = Browser(app)
                let all = try await anyone.get("/catalog").body.string
                #expect(all.contains("Олимпиадная математика"))
                #expect(all.contains("Найдено 5 программ"))
                #expect(try await anyone.get("/catalog?grade=5").body.string.contains("Найдено 0 программ"))
                let lyceum = try await orgID(app, "МБОУ «Лицей № 5»")
                let one = try await anyone.get("/catalog?organization=\(lyceum)").body.string
                #expect(one.contains("Химия в задачах"))
                #expect(!one.contains("Олимпиадная математика"))
                // A draft is not in the catalogue.
                let current = try #require(
                    try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).first())
                let p = try #require(
                    try await NetworkProgram.query(on: app.db).filter(\.$title == "Химия в задачах").filter(
                        \.$academicYear.$id == current.id!
                    ).first())
                p.approval = "draft"
                try await p.save(on: app.db)
                #expect(!(try await anyone.get("/catalog").body.string.contains("Химия в задачах")))
                let token = try await apiToken(app, "kmc")
                struct Page: Content {
                    struct M: Content { var total: Int }
                    var metadata: M
                }
                let api = try await anyone.send(
                    .GET, "/api/v1/programs?approval=agreed", headers: ["Authorization": "Bearer \(token)"])
                // Every agreed programme of every year (the catalogue shows this year's).
                let agreed = try await NetworkProgram.query(on: app.db).filter(\.$approval == "agreed").count()
                #expect(try api.content.decode(Page.self).metadata.total == agreed)
            }
        }
    }
}

extension AppTests.ProgramTests {
    @Test func aCenterOpensGroupsOnlyOfAgreedProgramsAndNeverBelowTheEnrolled() async throws {
        try await withApp { app in
            let gym = try await orgID(app, "МБОУ «Гимназия № 2»")
            let agreed = try #require(
                try await NetworkProgram.query(on: app.db).filter(\.$title == "Олимпиадная математика").first())
            let lyceumRoom = try #require(
                try await Room.query(on: app.db).filter(\.$name == "Лаборатория химии").first())
            var head = Browser(app)
            _ = try await head.login("centre1")
            let list = try await head.get("/groups").body.string
            #expect(list.contains("МБОУ «Гимназия № 2»: нет открытой группы по предмету «физика»."))
            _ = try await head.get("/groups/new")
            let foreignRoom = try await head.post(
                "/groups/new",
                [
                    "program": agreed.id!.uuidString, "name": "Математика-9", "capacity": "15",
                    "room": lyceumRoom.id!.uuidString, "open": "yes",
                ])
            #expect(foreignRoom.status == .unprocessableEntity)
            #expect(foreignRoom.body.string.contains("Выберите кабинет этого ресурсного центра."))
            #expect(
                try await head.post(
                    "/groups/new",
                    ["program": agreed.id!.uuidString, "name": "Математика-9", "capacity": "15", "open": "yes"]
                ).status == .seeOther)
            let created = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-9").first())
            #expect(created.plannedHours == 64)
            #expect(created.$organization.id == gym)
            // A programme still in drafting cannot open a group.
            agreed.approval = "submitted"
            try await agreed.save(on: app.db)
            _ = try await head.get("/groups/new")
            let notAgreed = try await head.post(
                "/groups/new", ["program": agreed.id!.uuidString, "name": "Математика-8", "capacity": "15"])
            #expect(notAgreed.status == .unprocessableEntity)
            // Capacity never below the number enrolled.
            let busy = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-10").first())
            _ = try await head.get("/groups/\(busy.id!)/edit")
            let shrink = try await head.post(
                "/groups/\(busy.id!)/edit",
                [
                    "program": busy.$program.id.uuidString, "name": busy.name, "capacity": "2",
                    "version": String(busy.version), "open": "yes",
                ])
            #expect(shrink.status == .unprocessableEntity)
            #expect(shrink.body.string.contains("вместимость не может быть меньше"))
            #expect(try await StudyGroup.find(busy.id, on: app.db)?.capacity == busy.capacity)
            var school = Browser(app)
            _ = try await school.login("school1")
            #expect(try await school.get("/groups/new").status == .forbidden)
            #expect(try await school.get("/groups/\(busy.id!)/edit").status == .forbidden)
        }
    }
}

extension AppTests.ProgramTests {
    @Test func theGroupsListShowsTheCurrentYearAndEachGroupsYear() async throws {
        try await withApp { app in
            let current = try #require(try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).first())
            let past = AcademicYear(
                municipalityID: current.$municipality.id, title: "2019/2020",
                startsOn: Date(timeIntervalSince1970: 1_567_296_000),
                endsOn: Date(timeIntervalSince1970: 1_598_832_000), isCurrent: false)
            try await past.create(on: app.db)
            let old = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-10").first())
            old.name = "Архивная математика"
            old.$academicYear.id = past.id!
            try await old.save(on: app.db)
            var head = Browser(app)
            _ = try await head.login("centre1")
            let list = try await head.get("/groups").body.string
            #expect(
                list.contains(">Год<") && list.contains("<td>\(current.title)</td>")
                    && !list.contains("Архивная математика"))
            // A search finds a group of any year.
            #expect(try await head.get("/groups?q=Архивная").body.string.contains("Архивная математика"))
            let all = try await head.get("/groups?year=").body.string
            #expect(all.contains("Архивная математика") && all.contains("<td>2019/2020</td>"))
            let pastOnly = try await head.get("/groups?year=\(past.id!.uuidString.lowercased())").body.string
            #expect(pastOnly.contains("Архивная математика") && !pastOnly.contains(">Математика-11<"))
            // The group form tells a programme's years apart, and a new record's heading agrees with its noun.
            let form = try await head.get("/groups/new").body.string
            #expect(form.contains("Олимпиадная математика — МБОУ «Гимназия № 2», \(current.title)"))
            #expect(try await head.get("/programs/new").body.string.contains("Новая программа"))

            // A school administrator's school filter of «Записи в группы» offers only their own school.
            var school = Browser(app)
            _ = try await school.login("school1")
            let enrollments = try await school.get("/enrollments").body.string
            #expect(enrollments.contains("МБОУ «СОШ № 1»") && !enrollments.contains(">МБОУ «ООШ с. Берёзовка»<"))
            var kmc = Browser(app)
            _ = try await kmc.login("kmc")
            #expect(try await kmc.get("/enrollments").body.string.contains(">МБОУ «ООШ с. Берёзовка»<"))
        }
    }
}
