namespace Rekindle.EchoFloor;

/// <summary>
/// The page every GET answers with: the CSRF meta tag and the container attributes the load generator
/// reads from a Rekindle page (bench/Rekindle.LoadGen/PageTokens.cs), with placeholder values.
/// </summary>
internal static class FloorPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html><head><meta name="csrf-token" content="floor"></head>
        <body><div id="phx-floor" data-phx-main data-phx-session="floor" data-phx-static="floor"></div></body></html>
        """;
}
