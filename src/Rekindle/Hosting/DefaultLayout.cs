namespace Rekindle.Hosting;

/// <summary>The page Rekindle renders around a view when the application gives no layout of its own.</summary>
public static class DefaultLayout
{
    /// <summary>The HTML page around <paramref name="page"/>'s view: the <c>csrf-token</c> meta tag, the title, the head HTML and the client bundle's script tag. A custom layout must keep the first and the last.</summary>
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
