import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct StudentImportTests {
        static let header =
            "Фамилия;Имя;Отчество;Дата рождения;Пол;Класс;ОВЗ;Дата согласия;Кто дал согласие;Законный "
            + "представитель;Телефон представителя"

        static func csv(_ lines: [String]) -> Data { Data(([header] + lines).joined(separator: "\r\n").utf8) }

        /// The ids of an import's world.
        struct Ids {
            var world: World
            /// «Школа № 1», where school1 imports.
            var school: UUID
            /// «Школа «Тестовая» № 3», another school of the municipality.
            var other: UUID
            /// A centre «Школа-центр № 2».
            var center: UUID
            /// «Ёлкин Артём Ильич» of Школа № 1, whose guardian is «Ёлкина Вера Николаевна».
            var elkin: Student
            /// «Тихонов Лев Маркович» of the other school.
            var otherChild: Student
            /// How many students the world registered in the municipality before the test.
            static let students = 2
        }

        /// A school administrator of СОШ № 1 of the demo on the import page, with that school's id (for the suites
        /// still on the demo).
        static func school1(_ app: Application) async throws -> (Browser, UUID) {
            var browser = Browser(app)
            _ = try await browser.login("school1")
            #expect(try await browser.get("/students/import").status == .ok)
            return (browser, try await orgID(app, "МБОУ «СОШ № 1»"))
        }

        /// A world of its own: Школа № 1 (school1 its administrator) with Ёлкин, another school with Тихонов, a centre
        /// (teacher1 its teacher) and kmc; school1 signed in on the import page.
        static func setUp(_ app: Application) async throws -> (Browser, Ids) {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .teacher1, .school1])
            let (school, center) = (cast.school, cast.center)
            let other = try await world.school("Школа «Тестовая» № 3")
            let elkin = try await world.student(
                at: school, "Ёлкин", "Артём", "Ильич", born: "20.03.2010")
            try await world.guardian(of: try elkin.requireID(), "Ёлкина Вера Николаевна")
            let otherChild = try await world.student(at: other, "Тихонов", "Лев", "Маркович", born: "11.11.2009")
            var browser = Browser(app)
            _ = try await browser.login("school1", password: World.password)
            #expect(try await browser.get("/students/import").status == .ok)
            return (
                browser,
                Ids(world: world, school: school, other: other, center: center, elkin: elkin, otherChild: otherChild)
            )
        }

        static func batchURL(_ res: TestingHTTPResponse) throws -> String {
            try #require(res.headers.first(name: .location), "\(res.status) \(res.body.string.suffix(1500))")
        }

        @Test func previewThenCommitCreatesMergesAndAuditsOnce() async throws {
            try await withApp { app in
                var (browser, ids) = try await Self.setUp(app)
                let school = ids.school
                let before = try await Student.query(on: app.db).count()
                let auditBefore = try await AuditEntry.query(on: app.db).count()
                let elkin = ids.elkin
                let file = Self.csv([
                    "Берестова;Алина;Игоревна;05.04.2010;ж;10А;нет;01.09.2026;Берестова Ольга, мать;Берестова Ольга "
                        + "Петровна;+7 900 111-22-33",
                    "Кедров;Тимур;;12.12.2009;м;11 Б;да;;;;",
                    "БЕРЕСТОВА;алина;Игоревна;05.04.2010;ж;10А;нет;01.09.2026;Берестова Ольга, мать;Берестова Ольга "
                        + "Петровна;+7 900 111-22-33",
                    // Student1, already in the registry of this school: offered for merge, and moved to grade 11 by it.
                    "Елкин;Артем;Ильич;"
                        + "\(RuDate.format(elkin.birthDate, timeZone: TimeZone(identifier: "Europe/Moscow")!));м;11А;"
                        + ";;;Ёлкина Вера Николаевна;",
                ])
                let up = try await browser.upload(
                    "/students/import", ["school": school.uuidString.lowercased()], file: ("10а.csv", file))
                #expect(up.status == .seeOther)
                let url = try Self.batchURL(up)
                let preview = try await browser.get(url)
                #expect(preview.status == .ok)
                #expect(preview.body.string.contains("предпросмотр"))
                #expect(preview.body.string.contains("Новые обучающиеся (2)"))
                #expect(preview.body.string.contains("Уже есть в реестре школы (1)"))
                #expect(try await Student.query(on: app.db).count() == before, "the preview writes nothing")

                let done = try await browser.post(url + "/commit", [:])
                #expect(done.status == .seeOther)
                #expect(try await Student.query(on: app.db).count() == before + 2)
                let merged = try #require(try await Student.find(elkin.id, on: app.db))
                #expect(merged.grade == 11 && merged.version == elkin.version + 1)
                let alina = try #require(try await Student.query(on: app.db).filter(\.$surname == "Берестова").first())
                #expect(alina.grade == 10 && alina.letter == "А" && alina.consentBy == "Берестова Ольга, мать")
                let guardians = try await Guardian.query(on: app.db).filter(\.$student.$id ~~ [alina.id!, elkin.id!])
                    .all()
                #expect(guardians.count == 2)
                // One audit record for the whole file, not one per row.
                #expect(try await AuditEntry.query(on: app.db).count() == auditBefore + 1)
                let entry = try #require(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "student_import").first())
                #expect(entry.action == "import" && Audit.decode(entry.after)["Добавлено"] == "2")
                // Each child's own history still shows what the file did to the record.
                let elkinCard = try await browser.get("/students/\(elkin.id!.uuidString.lowercased())").body.string
                #expect(
                    elkinCard.contains("Загрузка из файла «10а.csv»: объединено с записью")
                        && elkinCard.contains("\(elkin.grade)\(elkin.letter ?? "")"))
                #expect(elkinCard.contains("11А"))
                let alinaCard = try await browser.get("/students/\(alina.id!.uuidString.lowercased())").body.string
                #expect(alinaCard.contains("Загрузка из файла «10а.csv»: запись добавлена"))
                // A second commit of the same batch does nothing.
                _ = try await browser.get(url)
                #expect(try await browser.post(url + "/commit", [:]).status == .conflict)
                #expect(try await Student.query(on: app.db).count() == before + 2)
            }
        }

        @Test func oneBadRowSavesNothingAndNamesLineAndColumn() async throws {
            try await withApp { app in
                var (browser, ids) = try await Self.setUp(app)
                let school = ids.school
                let before = try await Student.query(on: app.db).count()
                let batches = try await StudentImportBatch.query(on: app.db).count()
                let file = Self.csv(["Берестова;Алина;;05.04.2010;ж;10;;;;;", "Кедров;Тимур;;31.02.2009;м;13;;;;;"])
                let res = try await browser.upload(
                    "/students/import", ["school": school.uuidString], file: ("bad.csv", file))
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("Файл не загружен: в нём есть ошибки. В реестр ничего не записано."))
                #expect(
                    html.contains(
                        "<td>3</td><td>Дата рождения</td><td>Такой даты нет: 31.02.2009. Проверьте день и месяц.</td>"))
                #expect(html.contains("<td>3</td><td>Класс</td>"))
                #expect(try await Student.query(on: app.db).count() == before)
                // The refused file is not kept, only the fact of the attempt.
                let kept = try await StudentImportBatch.query(on: app.db).all()
                #expect(kept.count == batches + 1 && kept.allSatisfy { $0.content == nil })
            }
        }

        @Test func unreadableFilesAndMissingColumnsAreClearErrors() async throws {
            try await withApp { app in
                var (browser, ids) = try await Self.setUp(app)
                let school = ids.school
                let xls = try await browser.upload(
                    "/students/import", ["school": school.uuidString],
                    file: ("old.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1])))
                #expect(xls.status == .unprocessableEntity)
                #expect(xls.body.string.contains("Формат XLS не поддерживается"))
                _ = try await browser.get("/students/import")
                let broken = try await browser.upload(
                    "/students/import", ["school": school.uuidString],
                    file: ("x.xlsx", Data("PK\u{3}\u{4}not really".utf8)))
                #expect(broken.body.string.contains("Файл повреждён"))
                _ = try await browser.get("/students/import")
                let cols = try await browser.upload(
                    "/students/import", ["school": school.uuidString], file: ("c.csv", Data("Фамилия;Имя\nА;Б\n".utf8)))
                #expect(cols.body.string.contains("Нет обязательных столбцов: «Дата рождения», «Класс»"))
                _ = try await browser.get("/students/import")
                // A program or random bytes renamed to .csv, a file of other headings, an empty file: each said
                // plainly.
                let binary = try await browser.upload(
                    "/students/import", ["school": school.uuidString],
                    file: ("x.csv", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00])))
                #expect(
                    binary.status == .unprocessableEntity && binary.body.string.contains("Файл не похож на таблицу CSV")
                )
                _ = try await browser.get("/students/import")
                let other = try await browser.upload(
                    "/students/import", ["school": school.uuidString],
                    file: ("o.csv", Data("Товар;Цена;Склад\nХлеб;40;1\n".utf8)))
                #expect(
                    other.body.string.contains("нет ни одного заголовка шаблона")
                        && !other.body.string.contains("Неизвестные столбцы"))
                _ = try await browser.get("/students/import")
                let empty = try await browser.upload(
                    "/students/import", ["school": school.uuidString], file: ("e.csv", Data()))
                #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Файл «e.csv» пустой"))
                _ = try await browser.get("/students/import")
                let none = try await browser.upload("/students/import", ["school": school.uuidString], file: nil)
                #expect(none.status == .unprocessableEntity && none.body.string.contains("Выберите файл CSV или XLSX."))
            }
        }

        @Test func xlsxFromExcelIsImported() async throws {
            try await withApp { app in
                var (browser, ids) = try await Self.setUp(app)
                let school = ids.school
                let data = try XLSXWriter.workbook(
                    sheetName: "Лист1", header: StudentImport.header,
                    rows: [["Рябинина", "Ксения", "", "01.06.2011", "ж", "9", "В", "", "", "", "", "", "", ""]])
                let up = try await browser.upload(
                    "/students/import", ["school": school.uuidString], file: ("9в.xlsx", data))
                let url = try Self.batchURL(up)
                _ = try await browser.get(url)
                #expect(try await browser.post(url + "/commit", [:]).status == .seeOther)
                let student = try #require(try await Student.query(on: app.db).filter(\.$surname == "Рябинина").first())
                #expect(student.grade == 9 && student.letter == "В" && student.$school.id == school)
            }
        }

        @Test func anotherSchoolsChildIsRefusedWithoutRevealingIt() async throws {
            try await withApp { app in
                var (browser, ids) = try await Self.setUp(app)
                let school = ids.school
                let other = try #require(
                    try await Student.query(on: app.db).filter(\.$id == ids.otherChild.id!).with(\.$school).first())
                let zone = TimeZone(identifier: "Europe/Moscow")!
                let line =
                    "\(other.surname);\(other.givenName);\(other.patronymic ?? "");"
                    + "\(RuDate.format(other.birthDate, timeZone: zone));;10;;;;;"
                let res = try await browser.upload(
                    "/students/import", ["school": school.uuidString], file: ("x.csv", Self.csv([line])))
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Учащийся уже зарегистрирован в другой школе — обратитесь в КМЦ."))
                #expect(
                    !res.body.string.contains(other.school.shortName.replacingOccurrences(of: "«", with: "&laquo;")))
                #expect(!res.body.string.contains(other.school.shortName))
            }
        }

        @Test func importIsUndoneUnlessSomeoneWasEnrolledMeanwhile() async throws {
            try await withApp { app in
                var (browser, ids) = try await Self.setUp(app)
                let school = ids.school
                let before = try await Student.query(on: app.db).count()
                let elkin = ids.elkin
                let zone = TimeZone(identifier: "Europe/Moscow")!
                let file = Self.csv([
                    "Кедров;Тимур;;12.12.2009;м;11;;;;Кедрова Анна;",
                    "Ёлкин;Артём;Ильич;\(RuDate.format(elkin.birthDate, timeZone: zone));м;11;да;;;;",
                ])
                var url = try Self.batchURL(
                    try await browser.upload("/students/import", ["school": school.uuidString], file: ("a.csv", file)))
                _ = try await browser.get(url)
                _ = try await browser.post(url + "/commit", [:])
                #expect(try await Student.query(on: app.db).count() == before + 1)
                #expect(try await browser.get(url + "/revert").body.string.contains("Отменить загрузку «a.csv»?"))
                #expect(try await browser.post(url + "/revert", [:]).status == .seeOther)
                #expect(try await Student.query(on: app.db).count() == before)
                let restored = try #require(try await Student.find(elkin.id, on: app.db))
                #expect(restored.grade == elkin.grade && restored.specialNeeds == elkin.specialNeeds)
                #expect(try await Guardian.query(on: app.db).filter(\.$fullName == "Кедрова Анна").count() == 0)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "student_import").filter(
                        \.$action == "revert"
                    ).count() == 1)

                // Once a child of the import is enrolled, the import can no longer be undone.
                _ = try await browser.get("/students/import")
                url = try Self.batchURL(
                    try await browser.upload(
                        "/students/import", ["school": school.uuidString],
                        file: ("b.csv", Self.csv(["Кедров;Тимур;;12.12.2009;м;11;;01.09.2025;Кедрова Анна, мать;;"]))))
                _ = try await browser.get(url)
                _ = try await browser.post(url + "/commit", [:])
                let kedrov = try #require(try await Student.query(on: app.db).filter(\.$surname == "Кедров").first())
                let group = try await ids.world.group(of: try await ids.world.program(at: ids.center))
                _ = try await EnrollmentService.enroll(studentID: kedrov.id!, groupID: group.id!, app: app, req: nil)
                _ = try await browser.get(url + "/revert")
                let refused = try await browser.post(url + "/revert", [:])
                #expect(refused.status == .conflict)
                #expect(refused.body.string.contains("Загрузку нельзя отменить"))
                #expect(try await Student.find(kedrov.id, on: app.db) != nil)
                // So does a measure of support (the talent registry refers to the child too).
                _ = try await browser.get("/students/import")
                url = try Self.batchURL(
                    try await browser.upload(
                        "/students/import", ["school": school.uuidString],
                        file: ("c.csv", Self.csv(["Зимин;Глеб;;12.12.2009;м;11;;01.09.2025;Зимина Анна, мать;;"]))))
                _ = try await browser.get(url)
                _ = try await browser.post(url + "/commit", [:])
                let zimin = try #require(try await Student.query(on: app.db).filter(\.$surname == "Зимин").first())
                try await ids.world.supportMeasure(of: zimin.requireID())
                _ = try await browser.get(url + "/revert")
                #expect(try await browser.post(url + "/revert", [:]).status == .conflict)
                #expect(try await Student.find(zimin.id, on: app.db) != nil)
            }
        }

        @Test func accessIsLimitedToSchoolsOneMayImportInto() async throws {
            try await withApp { app in
                var (browser, ids) = try await Self.setUp(app)
                let school = ids.school
                let url = try Self.batchURL(
                    try await browser.upload(
                        "/students/import", ["school": school.uuidString],
                        file: ("a.csv", Self.csv(["Кедров;Тимур;;12.12.2009;м;11;;;;;"]))))
                // A file without the form's token is refused before anything is read.
                var noToken = browser
                noToken.csrf = "wrong"
                #expect(
                    try await noToken.upload(
                        "/students/import", ["school": school.uuidString], file: ("a.csv", Self.csv([]))
                    ).status == .forbidden)
                // Another school cannot import into СОШ № 1, nor see its batch.
                let other = ids.other
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/students/import").status == .forbidden)
                #expect(try await teacher.get(url).status == .notFound)
                _ = try await browser.get("/students/import")
                let foreign = try await browser.upload(
                    "/students/import", ["school": other.uuidString], file: ("a.csv", Self.csv([])))
                #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("Выберите школу."))
                // The КМЦ coordinator may import into any school and sees the batch.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get(url).status == .ok)
                let templ = try await kmc.get("/students/import/template.xlsx")
                #expect(templ.status == .ok)
                let table = try XLSXReader.read(Data(buffer: templ.body))
                #expect(table.rows.first == StudentImport.header)
                #expect(
                    try await kmc.get("/students/import/template.csv").body.string.contains(
                        "Фамилия;Имя;Отчество;Дата рождения"))
            }
        }
    }
}
