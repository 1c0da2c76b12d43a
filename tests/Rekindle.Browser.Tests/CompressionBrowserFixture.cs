namespace Rekindle.Browser.Tests;

/// <summary>A browser and an in-process host that negotiates WebSocket compression (Rekindle:Transport:Compression).</summary>
public sealed class CompressionBrowserFixture() : HostArgumentsBrowserFixture("--Rekindle:Transport:Compression", "true");
