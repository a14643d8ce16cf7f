import Domain
import Foundation

extension Stylesheet {
    public static let journalCSS = """
        form.stacked.wide { max-width: none; }
        .scroll { overflow-x: auto; }
        table.register td, table.register th { text-align: center; white-space: nowrap; }
        table.register td:first-child, table.register th:first-child { text-align: left; }
        .all-present { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; margin: .6rem 0; }
        .all-present button { min-height: 44px; }
        table.marks label.chip { min-height: 44px; padding: 0 .6rem; align-items: center; cursor: pointer; }
        table.marks td.mark { padding-top: 0; padding-bottom: 0; }
        table.marks .chip-word { display: none; }
        """ + journalPhoneCSS

    /// A lesson's marks on a phone: each student a card, the name on its own line, the three marks as chips of at
    /// least 44 px side by side below it, no table wider than the screen.
    static let journalPhoneCSS = """
        @media (max-width: 760px) {
          form.stacked { padding: .8rem; }
          table.marks, table.marks tbody { display: block; border: 0; background: none; overflow: visible; }
          table.marks thead { display: none; }
          table.marks tr { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .4rem;
            background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; margin-bottom: .5rem; }
          table.marks tr:hover td { background: none; }
          table.marks td { display: block; border: 0; padding: 0; min-width: 0; }
          table.marks td.student { grid-column: 1 / -1; font-weight: 600; white-space: nowrap; overflow: hidden;
            text-overflow: ellipsis; }
          table.marks td.school { grid-column: 1 / -1; color: var(--muted); font-size: .9rem; margin-top: -.3rem; }
          table.marks td.mark.off { display: none; }
          table.marks td.mark { grid-column: auto; }
          table.marks label.chip { display: flex; justify-content: center; gap: .3rem; margin: 0; min-height: 48px;
            border: 1px solid #8a96a6; border-radius: 6px; padding: .2rem .3rem; text-align: center;
            line-height: 1.15; font-size: .95rem; }
          table.marks label.chip:has(input:checked) { background: #e6eef8; border: 2px solid var(--accent);
            font-weight: 600; }
          table.marks label.chip input { width: 1.2rem; height: 1.2rem; }
          table.marks .chip-word { display: inline; }
          .all-present button { width: 100%; }
        }
        """
}
