import Domain
import Foundation
import Views

/// A new entry as the page's form and `POST /api/v1/budget-lines/{id}/entries` give it, checked once for both: the
/// record it pays for among the line's, an amount (a record paid once is paid its own amount), the purpose, the day of
/// the commitment and, if already paid, of the payment; more than the line has left is said beside the amount.
struct BudgetEntryInput {
    var source: BudgetEntries.Source?
    var amount: Int
    var purpose: String
    var committedOn: CivilDay
    var paidOn: CivilDay?

    static func read(
        _ form: FormValues, line: BudgetLine, sources: [BudgetEntries.Source], today: CivilDay,
        errors: inout FieldErrors
    ) -> BudgetEntryInput? {
        var source: BudgetEntries.Source?
        if line.budgetKind.source != nil {
            let raw = (form["source"] ?? "").trimmedSpaces.lowercased()
            source = sources.first { $0.id.uuidString.lowercased() == raw }
            if source == nil { errors.add("source", raw.isEmpty ? BudgetWords.chooseSource : BudgetWords.notASource) }
        }
        let typed = form["amount"]?.filter { !$0.isWhitespace } ?? ""
        var amount: Int?
        if let own = source?.amount, source?.kind.isPaidOnce == true {
            amount = own
            if !typed.isEmpty, Int(typed) != own { errors.add("amount", BudgetWords.ownAmount(own)) }
        } else {
            amount = errors.integer("amount", typed, range: Int(Int32.min)...Int(Int32.max), required: true)
        }
        if let amount,
            let refusal = BudgetBalance(planned: line.planned, committed: line.used).refusal(taking: [amount])
        {
            errors.add("amount", BudgetWords.refusal(refusal))
        }
        let purpose = errors.optional("purpose", form["purpose"], max: 300)
        let committedOn = errors.day("committedOn", form["committedOn"], required: true)
        let paidOn = errors.day("paidOn", form["paidOn"], required: false)
        if let paidOn {
            if let committedOn, paidOn < committedOn { errors.add("paidOn", BudgetWords.paidBeforeCommitted) }
            if paidOn > today { errors.add("paidOn", BudgetWords.paidInFuture) }
        }
        guard errors.isEmpty, let amount, let committedOn else { return nil }
        return BudgetEntryInput(
            source: source, amount: amount, purpose: purpose ?? source?.kind.title ?? line.budgetKind.title,
            committedOn: committedOn, paidOn: paidOn)
    }
}
