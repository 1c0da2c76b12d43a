using Rekindle.Hosting;

namespace RekindleApp;

/// <summary>The page around every view: the head Rekindle needs, the stylesheet and the navigation.</summary>
public static class AppLayout
{
    // The csrf-token meta and the script are what the client needs to connect; the rest is yours.
    public static string Render(LayoutContext page) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf-token" content="{page.CsrfToken}">
        <title>{page.Title} · RekindleApp</title>
        <link rel="stylesheet" href="/app.css">
        {page.HeadHtml}
        <script defer src="{page.ScriptPath}"></script>
        </head>
        <body>
        <header><strong>RekindleApp</strong> <nav><a href="/">Counter</a> <a href="/signup">Sign up</a></nav></header>
        {page.ViewHtml}
        </body>
        </html>
        """;
}
