import Domain
import Foundation

/// The filters enrolment lists share with the other registry lists (the same words as the registry's own).
enum EnrollmentFilters {
    static let search = FieldSpec("q", "Поиск", .text("search"))
    static let status = FieldSpec(
        "status", "Состояние",
        .select(RecordStatus.allCases.map { ($0.rawValue, $0.title) } + [("all", "Все")], empty: nil))
}
