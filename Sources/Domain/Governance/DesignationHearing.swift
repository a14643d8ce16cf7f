import Foundation

/// What a held meeting of the КМЦ decides when it hears a resource centre's year (issue 22, item 6): the collegial
/// decision on keeping or changing the status, functions and directions (`001_4390f67d15d9225c.txt` §5.8, the
/// recommendation on continuing of `003_256a4293e3c370c5.txt` §3.10) or ending the centre's work before its term
/// (`003_256a4293e3c370c5.txt` §3.11).
public enum DesignationDecision: String, CaseIterable, Sendable {
    /// The centre keeps its status: its designation carries into the next academic year.
    case keep
    /// The centre stays, its functions or directions change — what changes is written down.
    case change
    /// The centre's work ends before its term: the designation is archived, the reason written down.
    case end

    public var title: String {
        switch self {
        case .keep: "сохранить статус ресурсного центра"
        case .change: "изменить функции и направления деятельности"
        case .end: "прекратить деятельность досрочно"
        }
    }
}

/// A hearing's input checked: the decision from the list; the reasoning — what changes, why the work ends — required
/// for a change and an end (§3.11: «по … обоснованным причинам»), a summary of the results optional for keeping.
public struct DesignationHearingInput: Equatable, Sendable {
    public var decision: DesignationDecision
    public var reasoning: String?

    public init(decision: DesignationDecision, reasoning: String?) {
        self.decision = decision
        self.reasoning = reasoning
    }

    public static let reasoningLimit = 4000

    /// The input, or nil with the fields named in `errors` (`decision`, `reasoning`).
    public static func check(decision raw: String?, reasoning: String?, errors: inout FieldErrors)
        -> DesignationHearingInput?
    {
        let decision = errors.choice("decision", raw, as: DesignationDecision.self)
        let reasoning = errors.optional("reasoning", reasoning, max: reasoningLimit)
        if reasoning == nil, let decision, decision != .keep {
            errors.add(
                "reasoning",
                decision == .end
                    ? "Укажите обоснованную причину прекращения деятельности центра."
                    : "Укажите, какие функции и направления деятельности меняются.")
        }
        guard let decision, errors.isEmpty else { return nil }
        return DesignationHearingInput(decision: decision, reasoning: reasoning)
    }
}
