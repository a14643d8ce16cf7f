import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct CoveragePageTests {
        @Test func coverageShowsNumeratorsDenominatorsAndTheirSource() async throws {
            try await withApp { app in
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                let page = try await kmc.get("/coverage")
                #expect(page.status == .ok)
                let html = page.body.string
                #expect(html.contains("Муниципалитет в целом"))
                // Some schools entered their headcount and some did not: the municipality's denominator says it is
                // mixed.
                #expect(html.contains("отчёты школ и реестр"))
                #expect(html.contains("отчёт школы") && html.contains("реестр (численность не введена)"))
                // СОШ № 1: seniors enrolled out of the 58 of its headcount (30 + 28).
                let school = try await orgID(app, "МБОУ «СОШ № 1»")
                let year = try #require(try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).first())
                let rows = try await CoverageController.compute(
                    Request(application: app, on: app.eventLoopGroup.next()),
                    schools: [try #require(try await Organization.find(school, on: app.db))], year: year)
                let seniors = try #require(rows.first).result.seniors
                #expect(seniors.denominator == 58 && seniors.source == .headcount && seniors.numerator >= 1)
                #expect(html.contains("\(seniors.numerator) из 58"))

                // The school enters its headcount; a bad number is refused next to the field.
                var admin = Browser(app)
                _ = try await admin.login("school1")
                let own = try await admin.get("/coverage").body.string
                #expect(own.contains("МБОУ «СОШ № 1»") && !own.contains("МБОУ «СОШ № 3»"))
                _ = try await admin.get("/coverage/headcount/\(school.uuidString.lowercased())")
                let bad = try await admin.post("/coverage/headcount/\(school.uuidString.lowercased())", ["g10": "-3"])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Число от 0 до 5000."))
                #expect(
                    try await admin.post(
                        "/coverage/headcount/\(school.uuidString.lowercased())", ["g10": "40", "g11": "40"]
                    ).status == .seeOther)
                #expect(try await admin.get("/coverage").body.string.contains("\(seniors.numerator) из 80"))
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "headcount").count() == 1)
                // Another school's headcount is not the school's to change.
                let other = try await orgID(app, "МБОУ «СОШ № 3»")
                #expect(try await admin.get("/coverage/headcount/\(other.uuidString.lowercased())").status == .notFound)
            }
        }
    }
}
