namespace Rekindle.Hosting;

/// <summary>The page Rekindle renders around a view when the application gives no layout of its own.</summary>
public static class DefaultLayout
{
    public static string Render(LayoutContext page) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf-token" content="{page.CsrfToken}">
        <title data-default="{page.Title}">{page.Title}</title>
        {page.HeadHtml}
        <script defer src="{page.ScriptPath}"></script>
        </head>
        <body>
        {page.ViewHtml}
        </body>
        </html>
        """;
}
