/// `assets/flowbook.css`: typography, the sidebar layout, light and dark themes (following the
/// system setting), code highlighting colours, cell outputs, and the print/PDF rules (A4, figures
/// and equations never split across pages).
enum Stylesheet {
  static let source = #"""
    /* FlowBook report stylesheet. */
    :root {
      --bg: #fdfdfb; --fg: #1f2328; --muted: #656d76; --accent: #0b5cad; --border: #d9dde2;
      --sidebar-bg: #f5f5f2; --code-bg: #f3f4f6; --output-bg: #ffffff; --output-rule: #3f8f5f;
      --error-bg: #fcf0f0; --error-rule: #c0392b; --error-fg: #8e1b12; --figure-bg: #ffffff;
      --expected-bg: #fdf6e3; --expected-rule: #b7791f; --expected-fg: #744210;
      --hl-keyword: #a0306e; --hl-string: #1a7f37; --hl-number: #0550ae; --hl-comment: #6e7781;
      --hl-type: #7a4e00; --hl-title: #5a32a3; --hl-attr: #953800;
      --measure: 46rem; --sidebar-width: 17rem;
      color-scheme: light dark;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --bg: #15171b; --fg: #e4e6ea; --muted: #9aa3ad; --accent: #7cb5ff; --border: #333942;
        --sidebar-bg: #1b1e23; --code-bg: #1f2329; --output-bg: #181b20; --output-rule: #57b07d;
        --error-bg: #2c1a1c; --error-rule: #e0645a; --error-fg: #ffb4ab; --figure-bg: #f4f4f1;
        --expected-bg: #2a2418; --expected-rule: #d69e2e; --expected-fg: #f6d58e;
        --hl-keyword: #ff7ab2; --hl-string: #7ee787; --hl-number: #79c0ff; --hl-comment: #8b949e;
        --hl-type: #e3b341; --hl-title: #d2a8ff; --hl-attr: #ffa657;
      }
    }

    /* Typography */
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--bg); color: var(--fg);
      font: 1.0625rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", sans-serif;
      text-rendering: optimizeLegibility;
    }
    h1, h2, h3, h4 { line-height: 1.25; margin: 2em 0 0.6em; font-weight: 650; }
    h1 { font-size: 2rem; margin-top: 0.5em; }
    h2 { font-size: 1.45rem; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.2rem; }
    .section-number { color: var(--muted); font-weight: 500; margin-right: 0.35em; font-variant-numeric: tabular-nums; }
    p, ul, ol, blockquote, table { margin: 0 0 1em; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a.cross-reference { text-decoration: none; border-bottom: 1px dotted currentColor; }
    blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid var(--border); color: var(--muted); }
    code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.86em; }
    :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { margin: 0 0 1em; padding: 0.8em 1em; overflow-x: auto; line-height: 1.5; border-radius: 6px; }
    img { max-width: 100%; height: auto; }
    hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.3em 0.75em; border-bottom: 1px solid var(--border); text-align: left; }
    th { border-bottom-width: 2px; }
    td.numeric { text-align: right; }
    .table-scroll { overflow-x: auto; margin-bottom: 1em; }
    :target { scroll-margin-top: 1rem; }

    /* Layout: sidebar beside a readable column */
    .skip-link { position: absolute; left: -999px; }
    .skip-link:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5em; z-index: 1; }
    .layout { display: grid; grid-template-columns: var(--sidebar-width) minmax(0, 1fr); min-height: 100vh; }
    .sidebar {
      position: sticky; top: 0; height: 100vh; overflow-y: auto; box-sizing: border-box;
      padding: 1.5rem 1.1rem; background: var(--sidebar-bg); border-right: 1px solid var(--border); font-size: 0.9rem;
    }
    .sidebar .book-title { font-weight: 650; font-size: 1.05rem; line-height: 1.3; margin-bottom: 1.2em; }
    .sidebar .book-title a { color: var(--fg); text-decoration: none; }
    .sidebar ol { list-style: none; padding: 0; margin: 0; }
    .sidebar li { margin: 0.15em 0; }
    .sidebar a { color: var(--fg); text-decoration: none; display: block; padding: 0.2em 0.4em; border-radius: 4px; }
    .sidebar a:hover { background: var(--code-bg); }
    .sidebar li.current > a { font-weight: 650; color: var(--accent); }
    .sidebar .page-sections { margin: 0.2em 0 0.6em 0.9em; border-left: 1px solid var(--border); }
    .sidebar .page-sections a { color: var(--muted); font-size: 0.85rem; }
    .sidebar .page-sections .level-3 { padding-left: 0.9em; }
    .sidebar .print-links { margin-top: 1.5em; padding-left: 0.4em; color: var(--muted); font-size: 0.85rem; }
    .sidebar .print-links a { display: inline; padding: 0; color: var(--muted); text-decoration: underline; }
    main { max-width: var(--measure); width: 100%; box-sizing: border-box; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
    .print-page main { max-width: 50rem; }

    /* Title page and contents */
    .title-block { margin: 1rem 0 2.5rem; }
    .title-block .book-title { font-size: 2.3rem; margin: 0 0 0.3em; }
    .title-block .authors { color: var(--muted); font-size: 1.1rem; }
    .toc ol { list-style: none; padding-left: 0; }
    .toc-chapters > li { margin: 0.7em 0; font-weight: 600; }
    .toc-sections { margin: 0.3em 0 0 1.6em; font-weight: 400; font-size: 0.95rem; }
    .toc-sections li { margin: 0.15em 0; }
    .toc a { text-decoration: none; }
    .toc-page { float: right; font-weight: 400; font-variant-numeric: tabular-nums; }   /* printed contents only */

    /* Previous / next */
    .page-nav { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3.5rem; padding-top: 1.2rem; border-top: 1px solid var(--border); }
    .page-nav a { text-decoration: none; max-width: 48%; }
    .page-nav .next { margin-left: auto; text-align: right; }
    .page-nav-label { display: block; font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }

    /* Math */
    .katex { font-size: 1.1em; }
    .math.display { display: block; overflow-x: auto; overflow-y: hidden; }
    .equation { display: flex; align-items: center; gap: 1rem; }
    .equation > .math.display { flex: 1; min-width: 0; }
    .equation-number { color: var(--muted); font-variant-numeric: tabular-nums; }

    /* Cells: code, outputs, figures, errors */
    .cell { margin: 1.4em 0; }
    .cell-code { background: var(--code-bg); border: 1px solid var(--border); margin-bottom: 0.5em; }
    .cell-output, .cell-output-markdown, .cell-output-math {
      background: var(--output-bg); border-left: 3px solid var(--output-rule); margin: 0 0 0.5em; padding: 0.5em 1em;
    }
    .cell-output { border-radius: 0 6px 6px 0; border-top: 1px solid var(--border); border-right: 1px solid var(--border); border-bottom: 1px solid var(--border); }
    .cell-output-markdown > :last-child { margin-bottom: 0; }
    .cell-output-omitted { margin: 0.2em 0; font-size: 0.9em; font-style: italic; color: var(--muted); }
    .code-fold > summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; margin-bottom: 0.4em; }
    .cell-meta { margin: -0.2em 0 0; text-align: right; font-size: 0.75rem; color: var(--muted); font-variant-numeric: tabular-nums; }
    .cell-figure { margin: 1em 0; text-align: center; }
    .cell-figure img { background: var(--figure-bg); border-radius: 4px; }
    .cell-table { margin: 1em 0; }
    .cell-table figcaption, .prose-table figcaption { margin-bottom: 0.4em; font-size: 0.93rem; color: var(--muted); }
    .prose-table { margin: 1em 0; }
    .cell-figure figcaption { margin-top: 0.5em; font-size: 0.93rem; color: var(--muted); text-align: left; }
    .caption-label { font-weight: 650; color: var(--fg); }
    .output-missing > p { padding: 2em; border: 1px dashed var(--border); color: var(--muted); }
    .cell-error { background: var(--error-bg); border-left: 3px solid var(--error-rule); border-radius: 0 6px 6px 0; padding: 0.6em 1em; margin: 0 0 0.5em; }
    .cell-error pre { margin: 0; padding: 0; color: var(--error-fg); white-space: pre-wrap; }
    .cell-error-location { margin: 0 0 0.4em; font-weight: 650; color: var(--error-fg); font-size: 0.9rem; }
    .cell-error.expected { --error-bg: var(--expected-bg); --error-rule: var(--expected-rule); --error-fg: var(--expected-fg); }
    .cell-not-run { color: var(--muted); font-style: italic; font-size: 0.9rem; }
    .inline-not-computed { color: var(--error-fg); background: var(--error-bg); border-radius: 3px; padding: 0 0.2em; }
    .check { margin: 0.2em 0; font-size: 0.95rem; }
    .check-mark { font-weight: 700; }
    .check-passed .check-mark { color: #2f9e44; }
    .check-failed { background: var(--error-bg); border-left: 3px solid var(--error-rule); padding: 0.3em 0.8em; color: var(--error-fg); }
    .check-location { font-family: "DejaVu Sans Mono", monospace; font-size: 0.8rem; opacity: 0.8; }
    .cell-exercise-todo { background: var(--expected-bg); border-left: 3px solid var(--expected-rule); padding: 0.5em 1em; margin: 0 0 0.5em; }

    /* A link to an equation shows the equation while the pointer rests on it (or it has focus) */
    a.cross-reference { position: relative; }
    .reference-preview {
      display: none; position: absolute; left: 0; top: 1.6em; z-index: 2; min-width: 16rem; max-width: 36rem;
      padding: 0.3em 1em; background: var(--bg); color: var(--fg); border: 1px solid var(--border);
      border-radius: 6px; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18); font-weight: normal;
    }
    a.cross-reference:hover > .reference-preview, a.cross-reference:focus > .reference-preview { display: block; }

    /* Footnotes: numbered per chapter, listed at its end */
    .footnote-ref { line-height: 0; }
    .footnote-ref a { text-decoration: none; padding: 0 0.1em; }
    .footnotes { margin-top: 3rem; padding-top: 0.8rem; border-top: 1px solid var(--border); font-size: 0.92rem; }
    .footnotes li > p { margin: 0 0 0.4em; }
    .footnote-back { text-decoration: none; }

    /* Citations and reference lists */
    a.citation { text-decoration: none; }
    .references { margin-top: 3rem; }
    .reference-list { padding-left: 0; list-style: none; font-size: 0.95rem; }
    .reference-list li { margin: 0 0 0.6em; padding-left: 1.5em; text-indent: -1.5em; }
    .reference-list.numeric li { padding-left: 2.4em; text-indent: -2.4em; }
    .reference-label { display: inline-block; min-width: 2.4em; text-indent: 0; color: var(--muted); }
    .reference-list a { overflow-wrap: anywhere; }

    /* Callouts: ::: {.callout-note} … ::: (note, tip, warning, important, exercise) */
    .callout {
      --callout: #0b5cad; --callout-bg: #eef4fb;
      margin: 1.4em 0; padding: 0.7em 1em 0.1em; border-left: 4px solid var(--callout);
      background: var(--callout-bg); border-radius: 0 6px 6px 0;
    }
    .callout-tip { --callout: #1a7f37; --callout-bg: #eef8f0; }
    .callout-warning { --callout: #b7791f; --callout-bg: #fdf6e3; }
    .callout-important { --callout: #c0392b; --callout-bg: #fcf0f0; }
    .callout-exercise { --callout: #6f42c1; --callout-bg: #f4f0fb; }
    @media screen and (prefers-color-scheme: dark) {
      .callout { --callout: #7cb5ff; --callout-bg: #18212d; }
      .callout-tip { --callout: #57b07d; --callout-bg: #16241b; }
      .callout-warning { --callout: #d69e2e; --callout-bg: #2a2418; }
      .callout-important { --callout: #e0645a; --callout-bg: #2c1a1c; }
      .callout-exercise { --callout: #b392f0; --callout-bg: #221c2e; }
    }
    .callout-title { font-weight: 650; color: var(--callout); margin-bottom: 0.4em; }
    .callout-title .callout-label { color: var(--callout); }
    .callout > :last-child { margin-bottom: 0.9em; }
    .callout .cell-code, .callout .cell-output { background: var(--bg); }

    /* highlight.js token colours (both themes) */
    .hljs-keyword, .hljs-selector-tag, .hljs-built_in.hljs-keyword { color: var(--hl-keyword); }
    .hljs-string, .hljs-regexp, .hljs-subst { color: var(--hl-string); }
    .hljs-number, .hljs-literal { color: var(--hl-number); }
    .hljs-comment, .hljs-quote { color: var(--hl-comment); font-style: italic; }
    .hljs-type, .hljs-built_in, .hljs-class .hljs-title { color: var(--hl-type); }
    .hljs-title, .hljs-function .hljs-title, .hljs-section { color: var(--hl-title); }
    .hljs-meta, .hljs-attr, .hljs-attribute, .hljs-symbol { color: var(--hl-attr); }

    /* Phones and narrow windows: the sidebar becomes a compact header */
    @media (max-width: 60rem) {
      .layout { display: block; }
      .sidebar { position: static; height: auto; border-right: 0; border-bottom: 1px solid var(--border); padding: 1rem; }
      .sidebar .page-sections, .sidebar .print-links { display: none; }
      .sidebar .book-title { margin-bottom: 0.5em; }
      /* Only the current chapter; the book title leads to the contents, prev/next to the neighbours. */
      .sidebar .chapter-list > li:not(.current) { display: none; }
      main { padding: 1.5rem 1rem 3rem; }
      h1 { font-size: 1.7rem; }
      .title-block .book-title { font-size: 1.9rem; }
    }

    /* Print and PDF: A4, no navigation, nothing split that should stay whole */
    @page {
      size: A4; margin: 12mm 13mm 14mm;
      @bottom-center { content: counter(page); font: 9pt "DejaVu Sans", sans-serif; color: #666; }
    }
    @page :first { @bottom-center { content: none; } }
    @media print {
      body { font-size: 9pt; line-height: 1.3; background: #fff; color: #000; }
      h1 { font-size: 1.45rem; margin: 0.6em 0 0.4em; }
      h2 { margin: 0.8em 0 0.3em; }
      p { margin: 0.4em 0; }
      pre { font-size: 7.5pt; margin: 0.4em 0; }
      figure { margin: 0.5em 0; }
      .katex-display { margin: 0.4em 0; }
      .sidebar, .page-nav, .skip-link { display: none; }
      .layout { display: block; }
      main, .print-page main { max-width: none; padding: 0; margin: 0; }
      .print-chapter { margin-top: 1.5em; }   /* chapters run on: a short print edition */
      h1, h2, h3, h4 { break-after: avoid; }
      figure, .equation, .math.display, .cell-error, tr { break-inside: avoid; }
      .callout { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      .reference-preview { display: none !important; }
      .references { margin-top: 1rem; }
      .references > h2 { margin-top: 0; font-size: 1.15rem; }
      .reference-list li { margin-bottom: 0.25em; }
      .print-page .references { margin-top: 2rem; }   /* the book's list, run on; a chapter printed alone keeps its own */
      .callout-title { break-after: avoid; }
      pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
      pre, table { break-inside: avoid; }
      details.code-fold:not([open]) { display: none; }   /* folded code stays folded: hidden in print */
      .cell-figure img { max-height: 58mm; }
      .cell-meta { break-before: avoid; }
      a { color: inherit; text-decoration: none; }
      .toc { break-after: page; }
      .toc-chapters { columns: 2; column-gap: 8mm; font-size: 9pt; }
      .toc-chapters > li { break-inside: avoid; margin: 0.4em 0; }
      .toc-sections { font-size: 0.95em; }
      .reference-list { font-size: 8.5pt; }
    }

    """#
}
