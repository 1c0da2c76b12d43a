namespace Rekindle.Protocol.Tests;

/// <summary>A test host in the Development environment.</summary>
public sealed class DevelopmentHostFixture() : HostFixture(["--environment", "Development"]);
