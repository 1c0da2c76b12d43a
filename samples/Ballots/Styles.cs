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
        """;
}
