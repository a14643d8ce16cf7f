/// The site's stylesheet, compiled into the binary so pages look right from any working directory.
public enum Stylesheet {
    public static let css = """
        :root { --accent: #1f5fa8; --accent-dark: #174a84; --text: #1d232b; --muted: #55606e; --line: #d5dbe3;
          --bg: #f4f6f9; --ok: #1e6b36; --ok-bg: #e3f3e8; --warn: #7a4b00; --warn-bg: #fff3d6; --err: #a4161a;
          --err-bg: #fdeaea; }
        * { box-sizing: border-box; }
        html { font-size: 15px; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial,
          sans-serif;
          color: var(--text); background: var(--bg); line-height: 1.45; }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f0b400; outline-offset:
          1px; }
        .top { display: flex; align-items: center; gap: 1rem; background: var(--accent-dark); color: #fff; padding:
          .6rem 1.2rem; }
        .top a { color: #fff; }
        .brand { font-weight: 700; font-size: 1.3rem; text-decoration: none; }
        .tagline { color: #dce6f3; font-size: .9rem; }
        .who { margin-left: auto; display: flex; gap: .8rem; align-items: center; }
        .inline { display: inline; margin: 0; }
        button.link { background: none; border: 0; color: var(--accent); text-decoration: underline; cursor: pointer;
          font: inherit; padding: 0; }
        .top button.link { color: #fff; }
        .shell { display: grid; grid-template-columns: 15rem 1fr; min-height: calc(100vh - 3rem); }
        .shell-public { grid-template-columns: 1fr; }
        .menu-box { background: #fff; border-right: 1px solid var(--line); }
        .menu { padding: 1rem 0; }
        .menu-toggle, .menu-button { display: none; }
        .menu ul { list-style: none; margin: 0; padding: 0; }
        .menu a { display: block; padding: .45rem 1.2rem; text-decoration: none; color: var(--text); }
        .menu a[aria-current="page"] { background: #e6eef8; border-left: 4px solid var(--accent); font-weight: 600; }
        main { padding: 1.2rem 1.6rem; max-width: 78rem; min-width: 0; }
        h1 { font-size: 1.5rem; margin: .3rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 1.4rem 0 .6rem; }
        .crumbs { font-size: .9rem; color: var(--muted); margin-bottom: .3rem; }
        .flash { background: var(--ok-bg); color: var(--ok); border: 1px solid #b6dfc2; padding: .6rem .9rem;
          border-radius: 4px; }
        .form-error, .warning { background: var(--err-bg); color: var(--err); border: 1px solid #f1b8b8; padding:
          .6rem .9rem; border-radius: 4px; margin-bottom: 1rem; }
        .warning { background: var(--warn-bg); color: var(--warn); border-color: #ecd49a; }
        .form-error > p, .warning > p { margin: 0; }
        .panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem;
          margin-bottom: 1rem; }
        form.stacked { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem;
          max-width: 44rem; }
        table.list + form.stacked, p.empty + form.stacked { margin-top: 1rem; }
        .field { margin-bottom: .9rem; }
        .field label { display: block; font-weight: 600; margin-bottom: .25rem; }
        .field input, .field select, .field textarea { width: 100%; max-width: 36rem; padding: .45rem .5rem; font:
          inherit;
          border: 1px solid #8a96a6; border-radius: 4px; background: #fff; color: var(--text); }
        .has-error input, .has-error select, .has-error textarea { border-color: var(--err); border-width: 2px; }
        .error { color: var(--err); margin: .25rem 0 0; font-size: .92rem; }
        .hint { color: var(--muted); margin: .25rem 0 0; font-size: .9rem; }
        .req { color: var(--err); }
        button, .button { font: inherit; padding: .45rem 1rem; border-radius: 4px; border: 1px solid #8a96a6;
          background: #fff;
          color: var(--text); cursor: pointer; text-decoration: none; display: inline-block; }
        button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
        button.danger { background: var(--err); border-color: var(--err); color: #fff; }
        .actions { display: flex; gap: .6rem; align-items: center; margin: .8rem 0; flex-wrap: wrap; }
        .filters { display: flex; gap: .6rem; align-items: flex-end; flex-wrap: wrap; background: #fff; border: 1px
          solid var(--line);
          border-radius: 6px; padding: .7rem .9rem; margin-bottom: .8rem; }
        .filters .field { margin: 0; }
        .filters input, .filters select { width: auto; min-width: 14rem; }
        table.list { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        table.list th, table.list td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line);
          vertical-align: top; }
        table.list th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
        table.list.wrap-heads th { white-space: normal; }
        table.list th a { color: var(--text); text-decoration: none; }
        table.list tr:hover td { background: #f8fafc; }
        table.list td.wide::before { content: ""; display: block; width: 18rem; }
        .count { color: var(--muted); margin: .4rem 0; }
        .pages { display: flex; gap: 1rem; align-items: center; margin: .8rem 0; }
        .badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .85rem; border: 1px
          solid; }
        .badge-active { color: var(--ok); background: var(--ok-bg); border-color: #b6dfc2; }
        .badge-archived { color: #444; background: #ececec; border-color: #c9c9c9; }
        .empty { background: #fff; border: 1px dashed #aab4c2; border-radius: 6px; padding: 1.2rem; color:
          var(--muted); }
        dl.facts { display: grid; grid-template-columns: 14rem 1fr; gap: .35rem 1rem; margin: 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        .diff { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; white-space: pre-wrap;
          word-break: break-word; }
        .muted { color: var(--muted); }
        .due-open { color: var(--warn); font-size: .9rem; }
        .due { color: var(--muted); font-size: .9rem; }
        tr.late td { background: var(--err-bg); }
        .pre { white-space: pre-wrap; }
        .overdue { color: var(--err); font-weight: 600; font-size: .9rem; }
        .side { display: inline-block; font-size: .75rem; color: var(--muted); border: 1px solid var(--line);
          border-radius: 4px; padding: 0 .3rem; }
        .badge-plan-done { color: var(--ok); background: var(--ok-bg); border-color: #b6dfc2; }
        .badge-plan-inProgress { color: var(--warn); background: var(--warn-bg); border-color: #ecd49a; }
        .badge-plan-cancelled { color: #444; background: #ececec; border-color: #c9c9c9; }
        a.button.danger { color: var(--err); border-color: var(--err); }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
        .cards .panel h3 { margin: 0 0 .4rem; font-size: 1.05rem; }
        .login { max-width: 26rem; margin: 2rem auto; }
        @media (max-width: 760px) {
          .shell { grid-template-columns: 1fr; align-content: start; }
          .menu-box { border-right: 0; border-bottom: 1px solid var(--line); }
          .menu-button { display: block; padding: .7rem 1rem; min-height: 44px; box-sizing: border-box;
            font-weight: 600; cursor: pointer; }
          .menu-button::after { content: " ▾"; color: var(--muted); }
          .menu-toggle:checked ~ .menu-button::after { content: " ▴"; }
          .menu { display: none; padding: 0 0 .5rem; }
          .menu-toggle:checked ~ .menu { display: block; }
          .menu a { padding: .7rem 1rem; }
          .tagline { display: none; }
          main { padding: 1rem; min-width: 0; }
          .filters .field { flex: 1 1 100%; }
          .filters input, .filters select { min-width: 0; width: 100%; }
          .field input, .field select, .field textarea { max-width: 100%; }
          dl.facts { grid-template-columns: 1fr; }
          table.list { display: block; overflow-x: auto; }
          table.list.stack, table.list.stack tbody, table.list.stack tr, table.list.stack td { display: block; }
          table.list.stack thead { display: none; }
          table.list.stack tr { border-bottom: 2px solid var(--line); padding: .3rem 0; }
          table.list.stack td { border: 0; padding: .15rem .6rem; }
          table.list.stack td:empty { display: none; }
          table.list.stack td[data-label]::before { content: attr(data-label); display: block; width: auto;
            font-size: .8rem; color: var(--muted); }
        }
        @media print {
          .top, .menu-box, .actions, .filters, .pages, .crumbs, .flash, .no-print, form button { display: none !important; }
          .shell { display: block; }
          body { background: #fff; font-size: 11pt; }
          main { padding: 0; max-width: none; }
          table.list th, table.list td { border: 1px solid #999; }
          @page { size: A4; margin: 15mm; }
        }
        """
}

extension Stylesheet {
    /// Styles of registry forms (checkbox groups) and status tags.
    public static let registryCSS = """
        article.document { background: #fff; border: 1px solid var(--line); padding: 2rem 2.5rem; max-width: 48rem;
          font-family: "Times New Roman", serif; font-size: 12pt; }
        article.document h1 { font-size: 14pt; text-align: center; }
        article.document h2 { font-size: 12pt; }
        article.document .align-center { text-align: center; } article.document .align-right { text-align: right; }
          article.document .align-both { text-align: justify; }
        article.document .signatures p { margin: 1.2rem 0; }
        .page-break { break-after: page; }
        article.document.landscape { max-width: 72rem; }
        article.document { overflow-x: auto; }
        article.document table.list { font-size: 10pt; }
        @page landscape { size: A4 landscape; margin: 12mm; }
        @media print { article.document { border: 0; padding: 0; max-width: none; overflow: visible; }
          article.document.landscape { page: landscape; } }
        fieldset.checks { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .8rem; max-width: 36rem; }
        fieldset.checks legend { font-weight: 600; padding: 0 .3rem; }
        fieldset.group { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .8rem; margin: 0 0 .8rem;
          max-width: 36rem; }
        fieldset.group legend { font-weight: 600; padding: 0 .3rem; }
        fieldset.group.pair { display: grid; grid-template-columns: 2fr 1fr; gap: 0 .8rem; }
        fieldset.group.pair .field { margin-bottom: .4rem; }
        label.check { display: flex; gap: .5rem; align-items: baseline; font-weight: normal; margin: .2rem 0; }
        .field label.check input, label.check input { width: auto; margin: 0; flex: none; }
        input.amount { width: 7.5rem; padding: .3rem .4rem; font: inherit; }
        .has-error.checks { border-color: var(--err); border-width: 2px; }
        textarea { width: 100%; max-width: 36rem; padding: .45rem .5rem; font: inherit; border: 1px solid #8a96a6;
          border-radius: 4px; }
        .badge-draft { color: #444; background: #f0f0f0; border-color: #c9c9c9; }
        .badge-signed { color: var(--ok); background: var(--ok-bg); border-color: #b6dfc2; }
        .badge-expired, .badge-terminated { color: var(--err); background: var(--err-bg); border-color: #f1b8b8; }
        .badge-expiring { color: var(--warn); background: var(--warn-bg); border-color: #ecd49a; }
        .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 1.6rem; letter-spacing: .1em;
          background: #eef2f7; padding: .4rem .8rem; display: inline-block; border-radius: 4px; }
        .menu .group { padding: .8rem 1.2rem .2rem; font-size: .8rem; text-transform: uppercase; letter-spacing:
          .04em; color: var(--muted); }
        ul.event-cards { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: .75rem; }
        ul.event-cards h3 { margin: 0 0 .25rem; font-size: 1.05rem; } ul.event-cards p { margin: .25rem 0; }
        """
}
