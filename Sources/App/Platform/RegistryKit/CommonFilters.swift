import Domain
import Fluent
import SQLKit
import Vapor
import Views

enum CommonFilters {
    static let status = FieldSpec(
        "status", "Состояние",
        .select(RecordStatus.allCases.map { ($0.rawValue, $0.title) } + [("all", "Все")], empty: nil))
    static let search = FieldSpec("q", "Поиск", .text("search"))
}
