namespace Ballots;

/// <summary>The sample's stylesheet, including the client's connection-state classes.</summary>
internal static class Styles
{
    public const string Path = "/app.css";
    public const string Link = $"<link rel=\"stylesheet\" href=\"{Path}\">";

    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; color: #222; }
        button { font-size: 1.2rem; min-width: 3rem; }
        #count { display: inline-block; min-width: 3rem; font-size: 2rem; text-align: center; }
        .phx-loading { opacity: 0.6; }

        /* The Ballots pages (/ and /elections/{id}). */
        body:has(main.elections), body:has(main.election), body:has(main.manage) { max-width: 64rem; padding: 0 1rem; line-height: 1.4; }
        main.elections button, main.election button, main.manage button { font-size: 1rem; min-width: 0; padding: 0.45rem 0.9rem; border-radius: 0.3rem; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
        main.elections button.secondary, main.election button.secondary, main.manage button.secondary { background: #fff; color: #1d4ed8; }
        main.elections button:disabled, main.election button:disabled { opacity: 0.5; cursor: default; }
        main.elections :focus-visible, main.election :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
        main.elections a, main.election a, main.manage a { color: #1d4ed8; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .meta { color: #555; font-size: 0.9rem; }
        .election-list { padding-left: 1.2rem; }
        .election-list li { margin: 0.3rem 0; }
        .field { display: flex; flex-direction: column; gap: 0.2rem; margin: 0.6rem 0; }
        .field input, .field textarea { font: inherit; padding: 0.4rem; border: 1px solid #888; border-radius: 0.25rem; }
        [aria-invalid="true"] { border-color: #b91c1c !important; background: #fef2f2; }
        .field-error, .form-error, .message.is-error { color: #b91c1c; margin: 0; min-height: 0; }
        .field-error:empty, .form-error:empty, .message:empty { display: none; }
        .new-ballot { border: 1px solid #ccc; border-radius: 0.4rem; margin: 0.8rem 0; }
        .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.6rem; }
        .notice { background: #ecfdf5; border: 1px solid #10b981; padding: 0.5rem 0.8rem; border-radius: 0.4rem; }

        .election-layout { display: grid; gap: 1.5rem; }
        @media (min-width: 48rem) { .election-layout { grid-template-columns: 3fr 2fr; align-items: start; } }
        .ballot { border: 1px solid #ccc; border-radius: 0.5rem; padding: 0.8rem 1rem; margin-bottom: 1rem; }
        .ballot h2 { font-size: 1.1rem; margin: 0 0 0.4rem; }
        .ballot fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 0.2rem; }
        .choice { display: flex; align-items: center; gap: 0.5rem; padding: 0.35rem 0.2rem; border-radius: 0.3rem; cursor: pointer; }
        .choice:hover { background: #f1f5f9; }
        .choice input { width: 1.1rem; height: 1.1rem; margin: 0; }
        .submitted { font-weight: 600; color: #047857; margin: 0.2rem 0 0.5rem; }
        .submitted:empty { display: none; }
        .message { margin: 0.5rem 0 0; }
        .note { color: #555; font-style: italic; }
        .results { border: 1px solid #ccc; border-radius: 0.5rem; padding: 0.8rem 1rem; }
        .results h2 { font-size: 1.1rem; margin-top: 0; }
        .result { margin: 0 0 1rem; }
        .result figcaption { font-weight: 600; margin-bottom: 0.3rem; display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
        .total { font-weight: normal; color: #555; font-size: 0.9rem; white-space: nowrap; }
        .bars { list-style: none; padding: 0; margin: 0; }
        .bar-row { display: grid; grid-template-columns: minmax(5rem, 2fr) 3fr 2.5rem; align-items: center; gap: 0.5rem; margin: 0.2rem 0; }
        .bar-label { overflow-wrap: anywhere; }
        .bar { width: 100%; height: 0.9rem; display: block; }
        .bar-track { fill: #e5e7eb; }
        .bar-fill { fill: #1d4ed8; transition: width 0.3s; }
        .bar-count { text-align: right; font-variant-numeric: tabular-nums; }

        /* The organizer's page (/elections/{id}/manage). */
        .tabs { display: flex; gap: 0.3rem; border-bottom: 2px solid #1d4ed8; margin-top: 1.5rem; }
        main.manage .tabs button { background: #fff; color: #1d4ed8; border-bottom: 0; border-radius: 0.3rem 0.3rem 0 0; }
        main.manage .tabs button[aria-selected="true"] { background: #1d4ed8; color: #fff; }
        .panel { border: 1px solid #ccc; border-top: 0; padding: 0.8rem 1rem; border-radius: 0 0 0.4rem 0.4rem; }
        .dialog { border: 2px solid #1d4ed8; border-radius: 0.5rem; padding: 0.8rem 1rem; margin: 1rem 0; background: #f8fafc; box-shadow: 0 0.5rem 1.5rem rgba(0, 0, 0, 0.15); }
        .dialog h2 { margin-top: 0; font-size: 1.1rem; }
        #checklist { list-style: none; padding: 0; }
        main.manage button.check { background: #fff; color: #222; border-color: #888; margin: 0.2rem 0; }
        main.manage button.check::before { content: "☐ "; }
        main.manage button.check[aria-pressed="true"]::before { content: "☑ "; }
        a[aria-current="true"] { font-weight: 600; text-decoration: none; }

        /* "Reconnecting…": pure CSS on the client's container classes. While the socket is down the
           container has phx-error (with phx-loading); a join in progress has phx-loading alone, shown
           only if it takes a while, so the first page load does not flash the banner. */
        .reconnecting { display: none; position: sticky; top: 0; z-index: 10; background: #fef3c7; border: 1px solid #f59e0b; color: #78350f; padding: 0.5rem 0.8rem; border-radius: 0.4rem; margin-bottom: 1rem; }
        [data-phx-main].phx-loading .reconnecting { display: block; animation: rekindle-show-late 0s linear 0.5s both; }
        [data-phx-main].phx-error .reconnecting { display: block; animation: none; visibility: visible; }
        @keyframes rekindle-show-late { from { visibility: hidden; } to { visibility: visible; } }
        """;
}
