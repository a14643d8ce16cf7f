import Domain
import Fluent

/// A record whose search key is its one searched text folded by `TextKey.search` (case, «ё» → «е»): lists search the
/// key with the box's text folded by `TextKey.needle`, the same on SQLite (whose `LIKE` folds only ASCII) and
/// PostgreSQL.
protocol SearchKeyed: Model {
    /// The text the list's search box finds the record by.
    var searchedText: FieldProperty<Self, String> { get }
    /// Its folded copy, the column the list searches.
    var searchKeyText: FieldProperty<Self, String> { get }
}

extension StudyGroup: SearchKeyed {
    var searchedText: FieldProperty<StudyGroup, String> { $name }
    var searchKeyText: FieldProperty<StudyGroup, String> { $searchKey }
}

extension Certificate: SearchKeyed {
    var searchedText: FieldProperty<Certificate, String> { $studentName }
    var searchKeyText: FieldProperty<Certificate, String> { $searchKey }
}

/// Keeps the search key of a `SearchKeyed` record on every create and save through Fluent (forms, the API, the demo,
/// fixtures), so that no write path can leave a record its search does not find. A save that leaves the text as it was
/// writes no key.
struct SearchKeyMiddleware<Record: SearchKeyed>: AsyncModelMiddleware {
    func create(model: Record, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        Self.fold(model)
        try await next.create(model, on: db)
    }

    func update(model: Record, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        Self.fold(model)
        try await next.update(model, on: db)
    }

    static func fold(_ model: Record) {
        guard let text = model.searchedText.value else { return }
        let key = TextKey.search(text)
        if model.searchKeyText.value != key { model.searchKeyText.value = key }
    }
}
